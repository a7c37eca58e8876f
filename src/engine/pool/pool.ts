import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { analyzeBatch, type BatchResult, type BatchTask } from '../analyze-batch.js';

export interface BatchPool {
  readonly threads: number;
  /** True when batches run on worker threads, false when they run on the calling thread. */
  readonly workers: boolean;
  run(task: BatchTask): Promise<BatchResult>;
  close(): Promise<void>;
}

/** Batches run on the calling thread, through the same function the workers run. */
export function inProcessPool(): BatchPool {
  return { threads: 1, workers: false, run: analyzeBatch, close: async () => {} };
}

/**
 * Worker threads for the CPU-heavy part of a scan. With no threads, or when running from
 * TypeScript sources (tests), batches run in-process through the same function.
 */
export function createBatchPool(threads: number): BatchPool {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (threads < 1 || !existsSync(workerFile)) return inProcessPool();
  const piscina = new Piscina<BatchTask, BatchResult>({ filename: workerFile, maxThreads: threads, minThreads: threads });
  return {
    threads,
    workers: true,
    run: (task) => piscina.run(task),
    close: () => piscina.destroy(),
  };
}
