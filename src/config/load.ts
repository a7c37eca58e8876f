import { readFile } from 'node:fs/promises';
import { Value } from '@sinclair/typebox/value';
import { parseDocument } from 'yaml';
import { err, ok, type Result } from '../core/result.js';
import { ConfigSchema, type BulwarkConfig } from './schema.js';

export const CONFIG_FILE_NAME = '.bulwark.yml';

/** `/secrets/rules/0/pattern` → `secrets.rules[0].pattern`, the way users write it. */
function keyPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

/** Check a parsed config; the first errors name the offending keys. */
export function validateConfig(data: unknown, source: string): Result<BulwarkConfig, string> {
  const value = data === null || data === undefined ? {} : data;
  if (Value.Check(ConfigSchema, value)) {
    const config = value as BulwarkConfig;
    for (const [index, pattern] of (config.secrets?.allowlist?.values ?? []).entries()) {
      try {
        new RegExp(pattern);
      } catch (error) {
        return err(`${source}: secrets.allowlist.values[${index}] is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    for (const [index, rule] of (config.secrets?.rules ?? []).entries()) {
      try {
        new RegExp(rule.pattern);
      } catch (error) {
        return err(`${source}: secrets.rules[${index}].pattern is not a valid regular expression: ${(error as Error).message}`);
      }
    }
    return ok(config);
  }
  const lines: string[] = [];
  for (const error of Value.Errors(ConfigSchema, value)) {
    const path = keyPath(error.path);
    lines.push(error.message === 'Unexpected property' ? `unknown key "${path}"` : `${path === '' ? '(top level)' : path}: ${error.message}`);
    if (lines.length >= 5) break;
  }
  return err(`${source}: invalid configuration:\n  ${[...new Set(lines)].join('\n  ')}`);
}

export function parseConfig(text: string, source: string): Result<BulwarkConfig, string> {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return err(`${source}: not valid YAML: ${document.errors[0]?.message ?? 'parse error'}`);
  }
  return validateConfig(document.toJS({ maxAliasCount: 100 }) as unknown, source);
}

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
