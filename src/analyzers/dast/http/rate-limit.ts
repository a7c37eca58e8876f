/**
 * Politeness: at most `perSecond` request starts per second (evenly spaced) and at most
 * `concurrency` requests in flight.
 */
export class RateLimiter {
  private nextStart = 0;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly perSecond: number,
    private readonly concurrency: number,
  ) {}

  /** Wait for a slot; the returned function frees it. */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.active++;
    if (this.perSecond > 0 && Number.isFinite(this.perSecond)) {
      const interval = 1000 / this.perSecond;
      const now = Date.now();
      const start = Math.max(now, this.nextStart);
      this.nextStart = start + interval;
      if (start > now) await delay(start - now, signal);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}

export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
