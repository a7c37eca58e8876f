import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { PreloadedRules, SastBatchOutcome, SastBatchTask } from './batch.js';

export interface SastPool {
  readonly threads: number;
  run(task: SastBatchTask): Promise<SastBatchOutcome[]>;
  close(): Promise<void>;
}

/**
 * Worker threads for the per-file SAST stage. The worker script sits beside this module: as
 * `sast-worker.js` in the compiled tree, and in `dist/cli/` beside the bundled CLI. Running from
 * the TypeScript sources (tests) there is none, and the caller stays on its own thread. The
 * rules the caller loaded go to each worker as it starts.
 */
export function createSastPool(threads: number, rules: PreloadedRules, workerFile = fileURLToPath(new URL('./sast-worker.js', import.meta.url))): SastPool | undefined {
  if (threads < 1 || !existsSync(workerFile)) return undefined;
  const piscina = new Piscina<SastBatchTask, SastBatchOutcome[]>({ filename: workerFile, maxThreads: threads, minThreads: threads, idleTimeout: 1_000, workerData: { rules } });
  return { threads, run: (task) => piscina.run(task), close: () => piscina.destroy() };
}
