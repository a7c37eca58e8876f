import type { Exchange, HttpRequest } from '../http/types.js';

/**
 * Time-based proof: the delayed payload takes at least the delay, the zero-delay twin is quick,
 * and twice the delay takes twice as long again. Measured against each other rather than against
 * one baseline, so a slow machine does not hide the delay and network noise does not fake it.
 */
export async function provesDelay(
  send: (req: HttpRequest) => Promise<Exchange | undefined>,
  build: (seconds: number) => HttpRequest,
  baselineMs: number,
  delayMs: number,
): Promise<{ slow: Exchange; fast: Exchange; again: Exchange } | undefined> {
  const seconds = delayMs / 1000;
  const slow = await send(build(seconds));
  if (!slow || slow.response.elapsedMs < delayMs * 0.95 || slow.response.elapsedMs < baselineMs + delayMs * 0.5) return undefined;
  const fast = await send(build(0));
  if (!fast || slow.response.elapsedMs - fast.response.elapsedMs < delayMs * 0.8) return undefined;
  const again = await send(build(seconds * 2));
  if (!again || again.response.elapsedMs < delayMs * 1.9 || again.response.elapsedMs - fast.response.elapsedMs < delayMs * 1.6) return undefined;
  return { slow, fast, again };
}
