import type { AnalyzerSettings } from '../analyzers/index.js';
import type { FileEntry } from '../analyzers/types.js';
import type { BatchResult } from './analyze-batch.js';
import type { ChunkOptions } from './chunks.js';
import { createBatchPool, type BatchPool } from './pool/pool.js';

export interface ScheduleOptions {
  readonly settings: AnalyzerSettings;
  readonly chunks: ChunkOptions;
  readonly threads: number;
  readonly onResult: (result: BatchResult) => void;
}

// A batch is sent to a worker when it holds this many files or bytes, whichever comes first.
const BATCH_FILES = 256;
const BATCH_BYTES = 16 * 1024 * 1024;
// Below this much work, starting worker threads costs more than it saves.
const POOL_MIN_BYTES = 24 * 1024 * 1024;
const POOL_MIN_FILES = 2048;

/** Group files into batches of bounded size. */
function* batches(files: Iterable<FileEntry>): Generator<{ files: FileEntry[]; bytes: number }> {
  let batch: FileEntry[] = [];
  let bytes = 0;
  for (const file of files) {
    batch.push(file);
    bytes += file.size;
    if (batch.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
      yield { files: batch, bytes };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield { files: batch, bytes };
}

/**
 * Analyze every file, in-process for a small tree and on worker threads for a large one: batches
 * are held until the walk has found enough work to pay for starting threads (or has ended).
 */
export async function analyzeFiles(files: Iterable<FileEntry>, options: ScheduleOptions): Promise<void> {
  const inProcess = createBatchPool(1);
  let pool: BatchPool | undefined;
  const inFlight = new Set<Promise<void>>();
  const dispatch = (batch: FileEntry[]): Promise<void> => {
    const job = (pool ?? inProcess).run({ files: batch, settings: options.settings, chunks: options.chunks }).then(options.onResult);
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };

  try {
    let held: FileEntry[][] = [];
    let heldBytes = 0;
    for (const batch of batches(files)) {
      if (options.threads <= 1) {
        // In-process: analyze now, and yield so progress reaches the terminal.
        await dispatch(batch.files);
      } else if (pool === undefined) {
        held.push(batch.files);
        heldBytes += batch.bytes;
        if (heldBytes >= POOL_MIN_BYTES || held.length * BATCH_FILES >= POOL_MIN_FILES) {
          pool = createBatchPool(options.threads);
          for (const waiting of held) void dispatch(waiting);
          held = [];
        }
      } else {
        void dispatch(batch.files);
        // Back-pressure: the walk waits while every thread has two batches queued.
        while (inFlight.size >= pool.threads * 2) await Promise.race(inFlight);
      }
    }
    for (const waiting of held) await dispatch(waiting);
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await pool?.close();
  }
}
