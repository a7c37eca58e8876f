// Short phrases for user-facing messages: an error, a byte limit, a piece of untrusted text.

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

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

/** `8388608` → `8 MiB`, for messages about limits. */
export function formatLimit(bytes: number): string {
  if (bytes >= GiB && bytes % GiB === 0) return `${bytes / GiB} GiB`;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}

/** Untrusted text as a JSON string literal, cut at 100 characters, so a message stays one short line. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}
