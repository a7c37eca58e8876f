import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { err, ok, type Result } from '../core/result.js';
import { describeError, formatLimit } from '../util/describe.js';
import { importAdvisories, type ImportProgress, type ImportSummary } from './import.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.js';

/** Where OSV publishes one `all.zip` per ecosystem. */
export const DEFAULT_OSV_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** The ecosystems `db update` fetches unless told otherwise. */
export const DEFAULT_UPDATE_ECOSYSTEMS: readonly string[] = ['npm', 'PyPI', 'Go', 'crates.io', 'RubyGems', 'Packagist', 'Maven', 'NuGet'];

const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export type UpdateProgress = { readonly phase: 'download'; readonly url: string; readonly bytes: number } | ({ readonly phase: 'import' } & ImportProgress);

export interface UpdateOptions {
  readonly baseUrl?: string;
  readonly ecosystems?: readonly string[];
  /** Node's global fetch unless given (tests pass their own). */
  readonly fetch?: typeof fetch;
  /** Give up on a download that sends nothing for this long. */
  readonly idleTimeoutMs?: number;
  readonly limits?: Partial<ImportLimits>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: UpdateProgress) => void;
  readonly now?: () => Date;
}

export interface UpdateSummary {
  readonly downloads: readonly { readonly url: string; readonly bytes: number }[];
  readonly import: ImportSummary;
}

/** `<base>/<ecosystem>/all.zip`, or why the base URL cannot be used. */
export function archiveUrl(baseUrl: string, ecosystem: string): Result<string, string> {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return err(`--base-url "${baseUrl}" is not a URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return err(`--base-url must be an http or https URL (got "${baseUrl}")`);
  return ok(`${base.href.replace(/\/+$/, '')}/${encodeURIComponent(ecosystem)}/all.zip`);
}

function fileNameFor(ecosystem: string): string {
  return `${ecosystem.replace(/[^A-Za-z0-9._-]/g, '_')}-all.zip`;
}

/** Why a fetch failed, in words a user can act on. */
function fetchFailure(url: string, error: unknown, timedOut: boolean, idleMs: number): string {
  if (timedOut) return `${url}: no data for ${idleMs < 1000 ? `${idleMs} ms` : `${Math.round(idleMs / 1000)} s`}; the download timed out`;
  const cause = error instanceof Error && error.cause !== undefined ? describeError(error.cause) : describeError(error);
  return `${url}: download failed (${cause})`;
}

interface DownloadContext {
  readonly fetchFn: typeof fetch;
  readonly idleMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: UpdateProgress) => void;
}

/** Raised inside the download pipeline when the archive outgrows the limit. */
class TooLarge extends Error {}

/** Stream one URL into a file, capped in size and abandoned when it stalls. */
async function download(url: string, path: string, context: DownloadContext): Promise<Result<number, string>> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, context.idleMs);
  };
  const signal = context.signal ? AbortSignal.any([controller.signal, context.signal]) : controller.signal;
  let bytes = 0;
  async function* meter(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      arm();
      bytes += chunk.length;
      if (bytes > context.maxBytes) throw new TooLarge();
      context.onProgress?.({ phase: 'download', url, bytes });
      yield chunk;
    }
  }
  arm();
  try {
    const response = await context.fetchFn(url, { signal, redirect: 'follow' });
    const declared = Number(response.headers.get('content-length'));
    const refusal = !response.ok
      ? `${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
      : Number.isFinite(declared) && declared > context.maxBytes
        ? `${url}: the archive is ${declared} bytes, over the ${formatLimit(context.maxBytes)} download limit`
        : response.body === null
          ? `${url}: the response has no body`
          : undefined;
    if (refusal !== undefined || response.body === null) {
      // Release the connection instead of leaving the unread body on it.
      await response.body?.cancel().catch(() => undefined);
      return err(refusal ?? `${url}: the response has no body`);
    }
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), meter, createWriteStream(path));
    return ok(bytes);
  } catch (error) {
    if (error instanceof TooLarge) return err(`${url}: the archive grows past the ${formatLimit(context.maxBytes)} download limit`);
    if (context.signal?.aborted === true) return err('interrupted; the advisory database was left as it was');
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS') return err(`cannot save ${url}: ${describeError(error)}`);
    return err(fetchFailure(url, error, timedOut, context.idleMs));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Download OSV's `all.zip` for each ecosystem and import them all in one go. Any failed download
 * fails the update, naming the URL, and the store stays as it was. Each archive is recorded as a
 * source named by its URL.
 */
export async function updateAdvisories(dbDir: string, options: UpdateOptions = {}): Promise<Result<UpdateSummary, string>> {
  const ecosystems = options.ecosystems ?? DEFAULT_UPDATE_ECOSYSTEMS;
  if (ecosystems.length === 0) return err('--ecosystems needs at least one ecosystem');
  const urls: string[] = [];
  for (const ecosystem of ecosystems) {
    const url = archiveUrl(options.baseUrl ?? DEFAULT_OSV_BASE_URL, ecosystem);
    if (!url.ok) return url;
    urls.push(url.value);
  }
  const target = resolve(dbDir);
  let temp: string;
  try {
    await mkdir(dirname(target), { recursive: true });
    temp = await mkdtemp(join(dirname(target), `.${basename(target)}.download-`));
  } catch (error) {
    return err(`cannot create a download folder beside ${target}: ${describeError(error)}`);
  }
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  const context: DownloadContext = {
    fetchFn: options.fetch ?? fetch,
    idleMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    maxBytes: limits.maxDownloadBytes,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  try {
    const downloads: { url: string; bytes: number; path: string }[] = [];
    for (const [index, url] of urls.entries()) {
      const path = join(temp, fileNameFor(ecosystems[index] ?? String(index)));
      const fetched = await download(url, path, context);
      if (!fetched.ok) return fetched;
      downloads.push({ url, bytes: fetched.value, path });
    }
    const onProgress = options.onProgress;
    const imported = await importAdvisories(
      target,
      downloads.map(({ url, path }) => ({ path, source: url })),
      {
        limits,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.now ? { now: options.now } : {}),
        ...(onProgress ? { onProgress: (progress: ImportProgress) => onProgress({ phase: 'import', ...progress }) } : {}),
      },
    );
    if (!imported.ok) return imported;
    return ok({ downloads: downloads.map(({ url, bytes }) => ({ url, bytes })), import: imported.value });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
