/** Plumbing under the registry client: an error that carries the user's message, an idle timer, URLs and bodies. */

/** An expected failure raised inside a request or a stream pipeline; its message is the user's error. */
export class Refusal extends Error {}

/** Aborts a request that sends nothing for `ms`; re-armed on every response and chunk. */
export class Watchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  isTimedOut = false;
  readonly signal: AbortSignal;

  constructor(
    private readonly ms: number,
    outer: readonly AbortSignal[],
  ) {
    this.signal = AbortSignal.any([this.controller.signal, ...outer]);
    this.arm();
  }

  arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.isTimedOut = true;
      this.controller.abort();
    }, this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

/** A URL, or null for text that is none (a hostile Location or realm). */
export function parseUrl(text: string, base?: URL): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

/** Let go of a body that will not be read, so the connection is not held open. */
export async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
