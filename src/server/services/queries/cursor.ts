/**
 * Opaque keyset cursors: base64url of a small JSON tuple `[sort, key, id]`. The sort name is
 * inside so a cursor from one ordering cannot be replayed against another, and every field is
 * checked on the way back in: a cursor is user input.
 */

export type CursorKey = number | string;

export interface Cursor {
  readonly sort: string;
  readonly key: CursorKey;
  readonly id: number;
}

const MAX_CURSOR_LENGTH = 512;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id]), 'utf8').toString('base64url');
}

/** Undefined when the text is not a cursor this server made (or was made for another sort). */
export function decodeCursor(text: string, sort: string, keyKind: 'number' | 'timestamp' | 'text'): Cursor | undefined {
  if (text.length === 0 || text.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 3) return undefined;
  const [s, key, id] = value as unknown[];
  if (s !== sort || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return undefined;
  if (keyKind === 'number' && (typeof key !== 'number' || !Number.isSafeInteger(key))) return undefined;
  // Timestamps travel as ISO text with microseconds, so no row is skipped between pages.
  if (keyKind === 'timestamp' && (typeof key !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(key))) return undefined;
  if (keyKind === 'text' && (typeof key !== 'string' || key.length > 400 || key.includes('\u0000'))) return undefined;
  return { sort, key: key as CursorKey, id };
}
