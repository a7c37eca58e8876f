/** Expected failures are values: `ok` carries the value, otherwise the error. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** Something a run could not do, or chose not to, reported to the user. `code` is stable kebab-case. */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  /** `warn` for partial failures; `info` for expected skips (binary files, size limit). */
  readonly level?: 'info' | 'warn' | 'error';
}
