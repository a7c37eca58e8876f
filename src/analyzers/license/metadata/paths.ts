import { posix } from 'node:path';
import type { Problem } from '../../../core/result.js';
import { MAX_METADATA_CHARS } from './types.js';

export function parentDirectory(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * A file named by metadata, relative to the scanned root; undefined when the name is absolute or
 * climbs out of the package's folder (metadata is untrusted and must not point elsewhere).
 */
export function fileInPackage(packageDirectory: string, name: string): string | undefined {
  const trimmed = name.trim().replace(/\\/g, '/');
  if (trimmed === '' || trimmed.startsWith('/') || /^[a-z]:/i.test(trimmed)) return undefined;
  const inside = posix.normalize(trimmed);
  if (inside === '..' || inside.startsWith('../') || inside === '.') return undefined;
  return packageDirectory === '' ? inside : `${packageDirectory}/${inside}`;
}

export function unreadable(path: string, reason: string): Problem {
  return { code: 'license-metadata-unreadable', level: 'warn', file: path, message: `${path}: ${reason}; its packages' licenses are not reported.` };
}

/** A problem for a file too large to be package metadata, or undefined when the size is fine. */
export function tooLarge(path: string, text: string): Problem | undefined {
  return text.length > MAX_METADATA_CHARS ? unreadable(path, `larger than ${MAX_METADATA_CHARS / 1024 / 1024} MB, not package metadata`) : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
