import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeBatch, type BatchResult, type BatchTask } from '../analyze-batch.js';
import { CLAIM_SLOTS, CLAIMED_BY_CALLER, UNCLAIMED, type WorkerReply, type WorkerRequest } from './protocol.js';

export interface BatchPool {
  readonly threads: number;
  /** True when batches run on worker threads, false when they run on the calling thread. */
  readonly workers: boolean;
  run(task: BatchTask): Promise<BatchResult>;
  /**
   * Take back the batch queued last that no worker has started and run it on the calling thread.
   * False when there is none: then every batch handed out is running or done.
   */
  takeBack(): Promise<boolean>;
  close(): Promise<void>;
}

/** Batches run on the calling thread, through the same function the workers run. */
export function inProcessPool(): BatchPool {
  return { threads: 1, workers: false, run: analyzeBatch, takeBack: () => Promise.resolve(false), close: async () => {} };
}

interface Pending {
  readonly id: number;
  readonly task: BatchTask;
  readonly worker: WorkerSlot;
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

interface WorkerSlot {
  readonly worker: Worker;
  /** Batches posted to this worker and not answered yet, oldest first. */
  readonly queue: Pending[];
  /** Set when the thread failed or stopped: it gets no more batches. */
  dead: boolean;
}

/**
 * Worker threads for the CPU-heavy part of a scan. With no threads, or when running from
 * TypeScript sources (tests), batches run in-process through the same function.
 *
 * Plain worker threads rather than a pool library: starting Piscina's worker cost about twice the
 * CPU and wall time of the worker itself, and its queue lived on the calling thread, so a worker
 * sat idle whenever the calling thread was busy scanning a batch of its own. Here every batch is
 * posted to a worker at once and waits in that worker's message queue; a shared flag per batch
 * lets the calling thread take back one not yet started (at the end of a scan, so that no thread
 * waits on another's backlog).
 */
export function createBatchPool(threads: number): BatchPool {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (threads < 1 || !existsSync(workerFile)) return inProcessPool();
  const claims = new Int32Array(new SharedArrayBuffer(CLAIM_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closing = false;

  const settle = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    if (entry === undefined) return undefined;
    pending.delete(id);
    const queue = entry.worker.queue;
    const at = queue.indexOf(entry);
    if (at >= 0) queue.splice(at, 1);
    return entry;
  };

  const failAll = (slot: WorkerSlot, error: Error): void => {
    for (const entry of [...slot.queue]) settle(entry.id)?.reject(error);
  };

  const slots: WorkerSlot[] = Array.from({ length: threads }, () => {
    const worker = new Worker(workerFile, { workerData: { bulwarkBatchWorker: true, claims: claims.buffer } });
    const slot: WorkerSlot = { worker, queue: [], dead: false };
    worker.on('message', (reply: WorkerReply) => {
      const entry = settle(reply.id);
      if (entry === undefined) return;
      if (reply.kind === 'done') entry.resolve(reply.result);
      else entry.reject(new Error(reply.message));
    });
    worker.on('error', (error) => {
      slot.dead = true;
      failAll(slot, error);
    });
    worker.on('exit', (code) => {
      slot.dead = true;
      if (!closing || slot.queue.length > 0) failAll(slot, new Error(`a scan worker thread stopped (exit code ${code})`));
    });
    return slot;
  });

  return {
    threads,
    workers: true,
    run(task) {
      // The least loaded live worker; ties go to the first. With none left, the calling thread.
      let slot: WorkerSlot | undefined;
      for (const candidate of slots) if (!candidate.dead && (slot === undefined || candidate.queue.length < slot.queue.length)) slot = candidate;
      if (slot === undefined) return analyzeBatch(task);
      const id = nextId++;
      Atomics.store(claims, id % CLAIM_SLOTS, UNCLAIMED);
      const target = slot;
      return new Promise<BatchResult>((resolve, reject) => {
        const entry: Pending = { id, task, worker: target, resolve, reject };
        pending.set(id, entry);
        target.queue.push(entry);
        const request: WorkerRequest = { id, task };
        target.worker.postMessage(request);
      });
    },
    async takeBack() {
      // Newest first: a worker takes its queue in order, so once one of its batches turns out to
      // be started, so are all older ones of that worker.
      const candidates = slots.flatMap((slot) => slot.queue).sort((a, b) => b.id - a.id);
      const started = new Set<WorkerSlot>();
      for (const entry of candidates) {
        if (started.has(entry.worker)) continue;
        if (Atomics.compareExchange(claims, entry.id % CLAIM_SLOTS, UNCLAIMED, CLAIMED_BY_CALLER) !== UNCLAIMED) {
          started.add(entry.worker);
          continue;
        }
        settle(entry.id);
        try {
          entry.resolve(await analyzeBatch(entry.task));
        } catch (error) {
          entry.reject(error instanceof Error ? error : new Error(String(error)));
        }
        return true;
      }
      return false;
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
