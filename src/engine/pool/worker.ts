import { analyzeBatch, type BatchResult, type BatchTask } from '../analyze-batch.js';

/** Piscina's entry point; it requires a default export. */
export default function runBatch(task: BatchTask): Promise<BatchResult> {
  return analyzeBatch(task);
}
