import { lstatSync } from 'node:fs';
import type { AnalyzerSettings } from '../analyzers/index.js';
import type { FileEntry } from '../analyzers/types.js';
import type { BatchResult, BatchTask } from './analyze-batch.js';
import type { ChunkOptions } from './chunks.js';
import { createBatchPool, inProcessPool, type BatchPool } from './pool/pool.js';

export interface ScheduleOptions {
  readonly settings: AnalyzerSettings;
  readonly chunks: ChunkOptions;
  readonly threads: number;
  /** Handed to the readers: files the walk did not stat are checked there. */
  readonly maxFileSize?: number;
  readonly onResult: (result: BatchResult) => void;
}

// A batch is sent to a worker when it holds this many files or bytes, whichever comes first.
const BATCH_FILES = 256;
const BATCH_BYTES = 16 * 1024 * 1024;
// Below this much work, starting worker threads costs more than it saves.
const POOL_MIN_BYTES = 24 * 1024 * 1024;
const POOL_MIN_FILES = 2048;
// Batches queued per worker while the calling thread also scans: enough that a worker is not left
// idle while this thread is busy with a batch of its own.
const QUEUED_PER_WORKER = 4;

/** A file's size for scheduling: the walk's when it stat'ed the file, else one lstat here. */
function sizeOf(file: FileEntry): number {
  if (file.size >= 0) return file.size;
  try {
    return lstatSync(file.absPath).size;
  } catch {
    return 0; // the reader will report it
  }
}

/**
 * Group files into batches of bounded size. Sizes are looked up only while `needSizes()` says so:
 * until the pool is started, so that a few large files still get threads; after that, batches are
 * bounded by their count and the walk stats nothing.
 */
function* batches(files: Iterable<FileEntry>, needSizes: () => boolean): Generator<{ files: FileEntry[]; bytes: number }> {
  let batch: FileEntry[] = [];
  let bytes = 0;
  for (const file of files) {
    batch.push(file);
    if (file.size >= 0 || needSizes()) bytes += sizeOf(file);
    if (batch.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
      yield { files: batch, bytes };
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) yield { files: batch, bytes };
}

/**
 * Analyze every file, in-process for a small tree and on threads for a large one: batches are
 * held until the walk has found enough work to pay for starting threads (or has ended). With N
 * threads, N - 1 are workers and the calling thread is the last: between walking, it scans a
 * batch itself whenever every worker already has its queue full, instead of waiting. That saves
 * starting one worker (a second copy of the bundle and the compiled rules), which on a
 * two-core machine is a large part of a scan of a few hundred megabytes.
 */
export async function analyzeFiles(files: Iterable<FileEntry>, options: ScheduleOptions): Promise<void> {
  const inProcess = inProcessPool();
  let pool: BatchPool | undefined;
  const inFlight = new Set<Promise<void>>();
  const task = (batch: FileEntry[]): BatchTask => ({
    files: batch,
    settings: options.settings,
    chunks: options.chunks,
    ...(options.maxFileSize === undefined ? {} : { maxFileSize: options.maxFileSize }),
  });
  const runHere = async (batch: FileEntry[]): Promise<void> => options.onResult(await inProcess.run(task(batch)));
  const dispatch = (batch: FileEntry[]): void => {
    const job = (pool ?? inProcess).run(task(batch)).then(options.onResult);
    const tracked = job.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  // Each worker keeps a few batches queued, so it never waits while this thread scans one.
  const workersFull = (): boolean => pool === undefined || !pool.workers || inFlight.size >= pool.threads * QUEUED_PER_WORKER;
  const handOut = async (batch: FileEntry[]): Promise<void> => {
    // Let the workers' finished-batch messages in first (they are event-loop tasks, and this
    // thread's own scanning never yields to them), so a worker that is free gets the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!workersFull()) dispatch(batch);
    else await runHere(batch);
  };

  try {
    let held: FileEntry[][] = [];
    let heldBytes = 0;
    for (const batch of batches(files, () => pool === undefined && options.threads > 1)) {
      if (options.threads <= 1) {
        // In-process: analyze now, and yield so progress reaches the terminal.
        await runHere(batch.files);
      } else if (pool === undefined) {
        held.push(batch.files);
        heldBytes += batch.bytes;
        if (heldBytes >= POOL_MIN_BYTES || held.length * BATCH_FILES >= POOL_MIN_FILES) {
          pool = createBatchPool(options.threads - 1);
          for (const waiting of held) await handOut(waiting);
          held = [];
        }
      } else {
        await handOut(batch.files);
      }
    }
    for (const waiting of held) await runHere(waiting);
    // The walk is over: rather than wait for the workers' backlog, this thread takes back the
    // batches they have not started, newest first, until each worker is on its last one.
    while (pool !== undefined && (await pool.takeBack()));
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    await pool?.close();
  }
}
