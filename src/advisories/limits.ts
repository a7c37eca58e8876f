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
