import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A listener the scan starts on 127.0.0.1 for out-of-band checks (SSRF, XXE): the target is asked
 * to fetch `url(token)`, and a hit with that token proves it did. The scan itself never requests it.
 */
export interface Canary {
  url(token: string): string;
  /** True once a request for `token` arrived (waits up to `ms` for it). */
  wasHit(token: string, ms: number): Promise<boolean>;
  close(): Promise<void>;
}

const MAX_TOKENS = 10_000;

export async function startCanary(host = '127.0.0.1'): Promise<Canary> {
  const hits = new Set<string>();
  const waiters = new Map<string, () => void>();
  const server: Server = createServer((req, res) => {
    const token = /\/c\/([a-z0-9]+)/.exec(req.url ?? '')?.[1];
    if (token !== undefined && hits.size < MAX_TOKENS) {
      hits.add(token);
      waiters.get(token)?.();
    }
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('bulwark-canary');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (token) => `http://${host}:${port}/c/${token}`,
    wasHit(token, ms) {
      if (hits.has(token)) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters.delete(token);
          resolve(hits.has(token));
        }, ms);
        waiters.set(token, () => {
          clearTimeout(timer);
          waiters.delete(token);
          resolve(true);
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
