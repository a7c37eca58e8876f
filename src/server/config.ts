import { resolve } from 'node:path';
import { DEFAULT_UUID_NAMESPACE } from '../core/identity/uuid.js';
import { err, ok, type Result } from '../core/result.js';
import type { Severity } from '../core/severity.js';

/** Days to remediate per severity; null = no SLA for that severity. */
export type SlaDays = Readonly<Record<Severity, number | null>>;

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** PGlite data folder; ignored when `databaseUrl` is set. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly databasePoolSize: number;
  readonly uuidNamespace: string;
  /** GitLab's vulnerability_finding_signatures: tracking signatures stand in for locations in UUIDs. */
  readonly useSignatures: boolean;
  readonly sessionTtlSeconds: number;
  /** Longest lifetime a personal access token may ask for; also the default. */
  readonly tokenMaxDays: number;
  readonly slaDays: SlaDays;
  /** Largest request body for every route but ingest, in bytes. */
  readonly bodyLimit: number;
  /** Largest report upload, in bytes. */
  readonly ingestBodyLimit: number;
  /** Set the Secure flag on the session cookie (when served over https). */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export interface ServeFlags {
  readonly host?: string;
  readonly port?: string;
  readonly dataDir?: string;
}

export const DEFAULT_SLA_DAYS: SlaDays = { critical: 7, high: 30, medium: 90, low: 180, info: null, unknown: null };

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "100MB", "512kb", "1048576" → bytes. */
export function parseSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$/i.exec(text);
  if (match === null) return undefined;
  const unit = UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** "critical=7,high=30,low=none" over the defaults. */
export function parseSlaDays(text: string, base: SlaDays = DEFAULT_SLA_DAYS): Result<SlaDays, string> {
  const out: Record<Severity, number | null> = { ...base };
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [name, value] = part.split('=').map((p) => p.trim());
    if (name === undefined || !Object.hasOwn(out, name)) return err(`BULWARK_SLA_DAYS: unknown severity "${name ?? ''}"`);
    if (value === 'none') {
      out[name as Severity] = null;
      continue;
    }
    const days = Number(value);
    if (!Number.isInteger(days) || days < 1 || days > 3650) return err(`BULWARK_SLA_DAYS: "${part}" needs a whole number of days (1–3650) or "none"`);
    out[name as Severity] = days;
  }
  return ok(out);
}

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): Result<number, string> {
  if (text === undefined || text === '') return ok(fallback);
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) return err(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return ok(value);
}

function size(name: string, text: string | undefined, fallback: number): Result<number, string> {
  if (text === undefined || text === '') return ok(fallback);
  const bytes = parseSize(text);
  return bytes === undefined ? err(`${name} must be a size such as 100MB, got "${text}"`) : ok(bytes);
}

function flag(text: string | undefined, fallback: boolean): boolean {
  if (text === undefined || text === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(text.toLowerCase());
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Flags win over the environment; every value is checked here so the server never starts half-configured. */
export function loadConfig(flags: ServeFlags, env: NodeJS.ProcessEnv): Result<ServerConfig, string> {
  const port = integer('--port', flags.port ?? env.BULWARK_PORT, 8080, 0, 65535);
  const poolSize = integer('BULWARK_DB_POOL_SIZE', env.BULWARK_DB_POOL_SIZE, 10, 1, 200);
  const sessionHours = integer('BULWARK_SESSION_TTL_HOURS', env.BULWARK_SESSION_TTL_HOURS, 168, 1, 24 * 365);
  const tokenDays = integer('BULWARK_TOKEN_MAX_DAYS', env.BULWARK_TOKEN_MAX_DAYS, 365, 1, 3650);
  const bodyLimit = size('BULWARK_BODY_LIMIT', env.BULWARK_BODY_LIMIT, 1024 ** 2);
  const ingestLimit = size('BULWARK_INGEST_BODY_LIMIT', env.BULWARK_INGEST_BODY_LIMIT, 100 * 1024 ** 2);
  const sla = parseSlaDays(env.BULWARK_SLA_DAYS ?? '');
  for (const result of [port, poolSize, sessionHours, tokenDays, bodyLimit, ingestLimit, sla]) {
    if (!result.ok) return err(result.error);
  }
  if (!port.ok || !poolSize.ok || !sessionHours.ok || !tokenDays.ok || !bodyLimit.ok || !ingestLimit.ok || !sla.ok) {
    return err('invalid configuration');
  }
  const namespace = env.BULWARK_UUID_NAMESPACE ?? DEFAULT_UUID_NAMESPACE;
  if (!UUID_RE.test(namespace)) return err(`BULWARK_UUID_NAMESPACE must be a UUID, got "${namespace}"`);
  const logLevel = (env.BULWARK_LOG_LEVEL ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) return err(`BULWARK_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const databaseUrl = env.DATABASE_URL;
  const publicUrl = env.BULWARK_PUBLIC_URL ?? '';
  const base: ServerConfig = {
    host: flags.host ?? env.BULWARK_HOST ?? '127.0.0.1',
    port: port.value,
    dataDir: resolve(flags.dataDir ?? env.BULWARK_DATA_DIR ?? './bulwark-data'),
    databasePoolSize: poolSize.value,
    uuidNamespace: namespace.toLowerCase(),
    useSignatures: flag(env.BULWARK_FINDING_SIGNATURES, true),
    sessionTtlSeconds: sessionHours.value * 3600,
    tokenMaxDays: tokenDays.value,
    slaDays: sla.value,
    bodyLimit: bodyLimit.value,
    ingestBodyLimit: ingestLimit.value,
    secureCookies: flag(env.BULWARK_SECURE_COOKIES, publicUrl.startsWith('https:')),
    trustProxy: flag(env.BULWARK_TRUST_PROXY, false),
    logLevel: logLevel as ServerConfig['logLevel'],
  };
  return ok(databaseUrl === undefined || databaseUrl === '' ? base : { ...base, databaseUrl });
}

/** Defaults for tests and embedding: no flags, no environment. */
export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const loaded = loadConfig({}, {});
  if (!loaded.ok) throw new Error(`default configuration is invalid: ${loaded.error}`);
  return { ...loaded.value, ...overrides };
}
