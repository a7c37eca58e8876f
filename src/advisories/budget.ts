import { formatLimit } from '../util/describe.js';
import type { ImportLimits } from './limits.js';

/** A failure that stops the whole import (unreadable input, a bomb, an interrupt); the store is left as it was. */
export class ImportError extends Error {}

/** What every reader of one import shares: the limits and the bytes inflated so far. */
export interface Budget {
  readonly limits: ImportLimits;
  inflated: number;
  readonly signal?: AbortSignal;
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
