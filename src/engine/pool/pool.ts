import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { analyzeBatch, type BatchResult, type BatchTask } from '../analyze-batch.js';

export interface BatchPool {
  readonly threads: number;
  run(task: BatchTask): Promise<BatchResult>;
  close(): Promise<void>;
}

/**
 * Worker threads for the CPU-heavy part of a scan. With one thread, or when running from
 * TypeScript sources (tests), batches run in-process through the same function.
 */
export function createBatchPool(threads: number): BatchPool {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (threads <= 1 || !existsSync(workerFile)) {
    return { threads: 1, run: analyzeBatch, close: async () => {} };
  }
  const piscina = new Piscina<BatchTask, BatchResult>({ filename: workerFile, maxThreads: threads, minThreads: threads });
  return {
    threads,
    run: (task) => piscina.run(task),
    close: () => piscina.destroy(),
  };
}
