/** Bounds on what one import may read; every input format counts against the same budget. */
export interface ImportLimits {
  /** Bytes after decompression, across every input of one import (cuts off zip and gzip bombs). */
  readonly maxInflatedBytes: number;
  /** One record: a JSON line, a zip entry, a `.json` file holding one record. */
  readonly maxRecordBytes: number;
  /** A `.json` file read whole (it may hold an array of records). */
  readonly maxJsonFileBytes: number;
  /** One downloaded archive (`db update`). */
  readonly maxDownloadBytes: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxInflatedBytes: 2 * GiB,
  maxRecordBytes: 8 * MiB,
  maxJsonFileBytes: 256 * MiB,
  maxDownloadBytes: 2 * GiB,
};

/** `8388608` → `8 MiB`, for messages about limits. */
export function formatLimit(bytes: number): string {
  if (bytes >= GiB && bytes % GiB === 0) return `${bytes / GiB} GiB`;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
