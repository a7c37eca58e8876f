/** Every knob of a DAST run, with its default in one place. */
export interface DastOptions {
  /** Where the crawl starts (optional in API mode). */
  readonly url?: string;
  readonly api?: { readonly kind: 'openapi' | 'postman' | 'har'; readonly source: string };
  readonly fuzz: boolean;
  /** Hosts beyond the start URL's own (host or host:port). */
  readonly scopeHosts: readonly string[];
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly requestsPerSecond: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxRequests: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies?: string;
  readonly allowDestructive: boolean;
  readonly maxPages: number;
  readonly maxDepth: number;
  readonly maxDurationMs: number;
  readonly browser: boolean;
  readonly browserPath: string;
  readonly formValues: Readonly<Record<string, string>>;
  /** Families to run (`xss`, `sql-injection`…); all when empty. */
  readonly checks: readonly string[];
  readonly passiveOnly: boolean;
  readonly timeDelayMs: number;
  readonly auth?: {
    readonly url: string;
    readonly username: string;
    readonly password: string;
    readonly usernameField?: string;
    readonly passwordField?: string;
    readonly verifyPattern?: string;
    readonly verifyUrl?: string;
  };
  readonly signal?: AbortSignal;
  /** Progress lines (`crawled 40 pages`), for the terminal. */
  readonly onProgress?: (message: string) => void;
}

export const DAST_DEFAULTS = {
  requestsPerSecond: 50,
  concurrency: 4,
  timeoutMs: 10_000,
  maxBodyBytes: 2 * 1024 * 1024,
  maxRequests: 100_000,
  maxPages: 500,
  maxDepth: 10,
  maxDurationMs: 10 * 60_000,
  timeDelayMs: 2000,
  browserPath: '/usr/bin/chromium',
} as const;

export function dastOptions(partial: Partial<DastOptions>): DastOptions {
  return {
    fuzz: false,
    scopeHosts: [],
    include: [],
    exclude: [],
    headers: {},
    allowDestructive: false,
    browser: false,
    formValues: {},
    checks: [],
    passiveOnly: false,
    ...DAST_DEFAULTS,
    ...partial,
  };
}
