import { formatLimit, type ImportLimits } from './limits.js';

/** A failure that stops the whole import (unreadable input, a bomb, an interrupt); the store is left as it was. */
export class ImportError extends Error {}

/** What every reader of one import shares: the limits and the bytes inflated so far. */
export interface Budget {
  readonly limits: ImportLimits;
  inflated: number;
  readonly signal?: AbortSignal;
}

const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ENOTDIR: 'not a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** An error in a few words: errno codes spelled out (the message repeats the path), others by message. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return ERRNO_WORDS[code] ? `${ERRNO_WORDS[code]} (${code})` : code;
  return error.message;
}

export function checkSignal(budget: Budget): void {
  if (budget.signal?.aborted === true) throw new ImportError('interrupted; the advisory database was left as it was');
}

/** Count bytes against the import's budget as they stream by; stop at the limit. */
export function spend(budget: Budget, bytes: number, file: string): void {
  budget.inflated += bytes;
  if (budget.inflated > budget.limits.maxInflatedBytes) {
    throw new ImportError(
      `${file}: the import inflates past ${formatLimit(budget.limits.maxInflatedBytes)} (a compression bomb, or more data than allowed); nothing was imported`,
    );
  }
}

/** A name from an archive or a file, safe to print: control characters replaced, length capped. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}
