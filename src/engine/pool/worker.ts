import { parentPort, workerData } from 'node:worker_threads';
import { analyzeBatch, type BatchResult, type BatchTask } from '../analyze-batch.js';
import { CLAIM_SLOTS, CLAIMED_BY_WORKER, UNCLAIMED, type WorkerReply, type WorkerRequest } from './protocol.js';

/** The batch function itself, for callers that load this file as a module. */
export default function runBatch(task: BatchTask): Promise<BatchResult> {
  return analyzeBatch(task);
}

interface PoolWorkerData {
  readonly bulwarkBatchWorker: true;
  readonly claims: SharedArrayBuffer;
}

function isPoolWorker(data: unknown): data is PoolWorkerData {
  return typeof data === 'object' && data !== null && (data as { bulwarkBatchWorker?: unknown }).bulwarkBatchWorker === true;
}

// Started by pool.ts: batches arrive as messages and run one after another, in order.
const port = parentPort;
if (port !== null && isPoolWorker(workerData)) {
  const claims = new Int32Array(workerData.claims);
  port.on('message', (request: WorkerRequest) => {
    // The calling thread took this batch back while it waited here, and answers it itself.
    if (Atomics.compareExchange(claims, request.id % CLAIM_SLOTS, UNCLAIMED, CLAIMED_BY_WORKER) !== UNCLAIMED) return;
    const reply = (message: WorkerReply): void => port.postMessage(message);
    analyzeBatch(request.task).then(
      (result) => reply({ kind: 'done', id: request.id, result }),
      (error: unknown) => reply({ kind: 'failed', id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
