import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../core/result.js';
import type { BulwarkConfig } from './schema.js';

export const CONFIG_FILE_NAME = '.bulwark.yml';

/** Read a config file; a missing optional file is an empty configuration. */
export async function loadConfig(path: string, required: boolean): Promise<Result<BulwarkConfig, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    if (!required && (code === 'ENOENT' || code === 'ENOTDIR')) return ok({});
    return err(`cannot read configuration ${path}: ${code}`);
  }
  // The YAML parser and the schema checker are loaded only when there is a file to parse.
  const { parseConfig } = await import('./parse.js');
  return parseConfig(text, path);
}

/** `10MB`, `512k`, `1GiB`, `2048` → bytes. */
export function parseSize(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : null;
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(value.trim());
  if (!match) return null;
  const units: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
  const bytes = Math.floor(Number(match[1]) * (units[(match[2] ?? '').toLowerCase()] ?? 1));
  return bytes > 0 ? bytes : null;
}
