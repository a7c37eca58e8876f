import { workerData } from 'piscina';
import { runSastBatch, type PreloadedRules, type SastBatchOutcome, type SastBatchTask } from './batch.js';

const preloaded = (workerData as { rules?: PreloadedRules } | undefined)?.rules;

/** Piscina's entry point for the SAST pool; it requires a default export. */
export default function runTask(task: SastBatchTask): Promise<SastBatchOutcome[]> {
  return runSastBatch(task, false, preloaded);
}
