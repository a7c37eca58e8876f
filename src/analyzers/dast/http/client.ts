import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { err, ok, type Problem, type Result } from '../../../core/result.js';
import { CookieJar } from './cookies.js';
import { RateLimiter } from './rate-limit.js';
import type { Scope } from './scope.js';
import { splitUrl, type Exchange, type HttpRequest, type HttpResponse } from './types.js';

export interface HttpClientOptions {
  readonly scope: Scope;
  readonly requestsPerSecond: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** Sent with every request (custom headers, `Authorization: Bearer …`). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cookies?: CookieJar;
  /** PUT, PATCH and DELETE change data on the target: only with `--allow-destructive`. */
  readonly allowDestructive: boolean;
  readonly userAgent?: string;
  /** Hard cap on requests for the whole scan. */
  readonly maxRequests?: number;
  readonly signal?: AbortSignal;
}

export interface SendOptions {
  /** Send the jar's cookies and keep the ones the response sets (default true). */
  readonly cookies?: boolean;
}

const DESTRUCTIVE = new Set(['PUT', 'PATCH', 'DELETE']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REFUSED_KEPT = 100;

/**
 * The only way the DAST analyzer talks to the network. Every request is checked against the scope
 * here, so no check, crawler or API reader can reach a host it was not given.
 */
export class HttpClient {
  readonly cookies: CookieJar;
  private readonly limiter: RateLimiter;
  private sent = 0;
  private readonly refused: string[] = [];
  private refusedCount = 0;
  private readonly listeners: ((exchange: Exchange) => void)[] = [];
  private extraHeaders: Record<string, string>;
  // Kept-alive connections: a TCP and TLS handshake per request would cost more than most checks.
  private readonly httpAgent: HttpAgent;
  private readonly httpsAgent: HttpsAgent;

  constructor(private readonly options: HttpClientOptions) {
    const sockets = Math.max(1, options.concurrency);
    this.httpAgent = new HttpAgent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
    // Sites under test often use self-signed certificates; the scan reads, it does not trust.
    // bulwark:ignore js-tls-verification-disabled
    this.httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, rejectUnauthorized: false });
    this.cookies = options.cookies ?? new CookieJar();
    this.limiter = new RateLimiter(options.requestsPerSecond, Math.max(1, options.concurrency));
    this.extraHeaders = { ...(options.headers ?? {}) };
  }

  get requestCount(): number {
    return this.sent;
  }

  get refusedUrls(): readonly string[] {
    return this.refused;
  }

  get refusedTotal(): number {
    return this.refusedCount;
  }

  get scope(): Scope {
    return this.options.scope;
  }

  /** Called with every exchange (passive checks, the list of scanned resources). */
  onExchange(listener: (exchange: Exchange) => void): void {
    this.listeners.push(listener);
  }

  /** Close the kept-alive connections (the scan is over). */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  setHeader(name: string, value: string): void {
    this.extraHeaders[name] = value;
  }

  async send(req: HttpRequest, sendOptions: SendOptions = {}): Promise<Result<Exchange, Problem>> {
    const method = req.method.toUpperCase();
    if (!this.options.scope.allows(req.url)) {
      this.refusedCount++;
      if (this.refused.length < MAX_REFUSED_KEPT) this.refused.push(req.url);
      return err({ code: 'out-of-scope', message: `not requested (out of scope): ${req.url}`, level: 'info' });
    }
    if (DESTRUCTIVE.has(method) && !this.options.allowDestructive) {
      return err({ code: 'destructive-method', message: `${method} ${req.url} not sent: destructive methods need --allow-destructive`, level: 'info' });
    }
    if (this.options.maxRequests !== undefined && this.sent >= this.options.maxRequests) {
      return err({ code: 'request-budget', message: `request limit of ${this.options.maxRequests} reached`, level: 'warn' });
    }
    if (this.options.signal?.aborted === true) return err({ code: 'aborted', message: 'scan interrupted', level: 'warn' });
    const split = splitUrl(req.url);
    if (!split) return err({ code: 'bad-url', message: `not an http(s) URL: ${req.url}`, level: 'info' });
    const release = await this.limiter.acquire(this.options.signal);
    this.sent++;
    try {
      const result = await this.transmit(method, req, split, sendOptions.cookies !== false);
      if (result.ok) for (const listener of this.listeners) listener(result.value);
      return result;
    } finally {
      release();
    }
  }

  /** Send and follow redirects that stay in scope (at most `max`); returns every hop, the last one final. */
  async follow(req: HttpRequest, max = 5): Promise<Result<Exchange[], Problem>> {
    const hops: Exchange[] = [];
    let current: HttpRequest = req;
    for (let i = 0; i <= max; i++) {
      const result = await this.send(current);
      if (!result.ok) return hops.length > 0 ? ok(hops) : result;
      hops.push(result.value);
      const response = result.value.response;
      const location = response.headers.find(([k]) => k === 'location')?.[1];
      if (!REDIRECT_STATUSES.has(response.status) || location === undefined) return ok(hops);
      let next: string;
      try {
        next = new URL(location, current.url).href;
      } catch {
        return ok(hops);
      }
      if (!this.options.scope.allows(next)) return ok(hops);
      const keepsMethod = response.status === 307 || response.status === 308;
      current = keepsMethod ? { ...current, url: next } : { method: 'GET', url: next };
    }
    return ok(hops);
  }

  private buildHeaders(method: string, req: HttpRequest, host: string, useCookies: boolean): [string, string][] {
    const headers = new Map<string, [string, string]>();
    const put = (name: string, value: string): void => {
      headers.set(name.toLowerCase(), [name, value]);
    };
    put('Host', host);
    put('User-Agent', this.options.userAgent ?? 'Bulwark-DAST');
    put('Accept', '*/*');
    // Plain bodies: the checks read the text, and decompression would be a second size limit to get right.
    put('Accept-Encoding', 'identity');
    for (const [name, value] of Object.entries(this.extraHeaders)) put(name, value);
    const cookie = useCookies ? this.cookies.header() : undefined;
    if (cookie !== undefined) put('Cookie', cookie);
    for (const [name, value] of Object.entries(req.headers ?? {})) put(name, value);
    if (req.body !== undefined) put('Content-Length', String(Buffer.byteLength(req.body)));
    else if (method === 'POST' || method === 'PUT' || method === 'PATCH') put('Content-Length', '0');
    return [...headers.values()];
  }

  private transmit(
    method: string,
    req: HttpRequest,
    split: NonNullable<ReturnType<typeof splitUrl>>,
    useCookies: boolean,
  ): Promise<Result<Exchange, Problem>> {
    const headers = this.buildHeaders(method, req, split.host, useCookies);
    const started = Date.now();
    const url = new URL(split.origin);
    const requestFn = split.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Result<Exchange, Problem>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const fail = (code: string, message: string): void => finish(err({ code, message: `${method} ${req.url}: ${message}`, level: 'info' }));
      let outgoing: ReturnType<typeof httpRequest>;
      try {
        outgoing = requestFn({
          protocol: split.protocol,
          hostname: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port === '' ? undefined : Number(url.port),
          method,
          path: split.pathAndQuery,
          headers: headers.map(([name, value]) => [name, value]).flat(),
          agent: split.protocol === 'https:' ? this.httpsAgent : this.httpAgent,
          setHost: false,
        });
      } catch (error) {
        fail('request-invalid', error instanceof Error ? error.message : String(error));
        return;
      }
      const timer = setTimeout(() => {
        outgoing.destroy();
        fail('timeout', `no complete response within ${this.options.timeoutMs} ms`);
      }, this.options.timeoutMs);
      outgoing.on('error', (error) => fail('request-failed', error.message));
      outgoing.on('response', (incoming: IncomingMessage) => this.readBody(incoming, { started, method, req, headers, useCookies }, finish));
      if (req.body !== undefined) outgoing.write(req.body);
      outgoing.end();
    });
  }

  private readBody(
    incoming: IncomingMessage,
    sent: { started: number; method: string; req: HttpRequest; headers: [string, string][]; useCookies: boolean },
    finish: (result: Result<Exchange, Problem>) => void,
  ): void {
    const { started, method, req, headers, useCookies } = sent;
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    const done = (): void => {
      const pairs: [string, string][] = [];
      const raw = incoming.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([(raw[i] ?? '').toLowerCase(), raw[i + 1] ?? '']);
      const response: HttpResponse = {
        status: incoming.statusCode ?? 0,
        reason: incoming.statusMessage ?? '',
        headers: pairs,
        body: Buffer.concat(chunks).toString('utf8'),
        truncated,
        elapsedMs: Date.now() - started,
      };
      for (const [name, value] of pairs) if (name === 'set-cookie' && useCookies) this.cookies.store(value);
      finish(ok({ request: { method, url: req.url, headers, ...(req.body === undefined ? {} : { body: req.body }) }, response }));
    };
    incoming.on('data', (chunk: Buffer) => {
      if (truncated) return;
      if (size + chunk.length > this.options.maxBodyBytes) {
        chunks.push(chunk.subarray(0, this.options.maxBodyBytes - size));
        size = this.options.maxBodyBytes;
        truncated = true;
        incoming.destroy();
        done();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    incoming.on('end', done);
    incoming.on('error', () => done());
    incoming.on('close', () => done());
  }
}
