import type { BatchResult, BatchTask } from '../analyze-batch.js';

/** Messages between the calling thread and a scan worker (pool.ts, worker.ts). */
export interface WorkerRequest {
  readonly id: number;
  readonly task: BatchTask;
}

export type WorkerReply =
  | { readonly kind: 'done'; readonly id: number; readonly result: BatchResult }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string };

/**
 * One shared flag per batch (indexed by id modulo this): whoever moves it from UNCLAIMED first,
 * the worker or the calling thread, runs the batch. Far more slots than batches are ever in flight.
 */
export const CLAIM_SLOTS = 4096;
export const UNCLAIMED = 0;
export const CLAIMED_BY_WORKER = 1;
export const CLAIMED_BY_CALLER = 2;
