/**
 * Pulling an image from a registry over the distribution API (the OCI distribution spec, which is
 * Docker's Registry HTTP API v2) into an OCI image layout directory that the layout reader opens.
 * Every byte is hashed as it streams to disk, so nothing the registry sends is trusted unverified.
 */
import { mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { err, ok, type Result } from '../../../core/result.js';
import { describeError } from '../../../util/describe.js';
import { parsePlatform } from './image-platform.js';
import { isLocalRegistry, parseImageReference, type ImageReference } from './image-reference.js';
import { writeOciLayout, type WrittenImage } from './oci-layout-writer.js';
import { RegistryClient, type ClientSettings } from './registry-client.js';

// What the scan command and the tests reach through this entry point.
export { parseChallenge } from './auth-challenge.js';
export type { Platform } from './image-platform.js';
export { looksLikeImageReference, parseImageReference, type ImageReference } from './image-reference.js';

export interface PullOptions {
  /** `os/architecture[/variant]` to take from a multi-platform index; `linux/amd64` unless given. */
  readonly platform?: string;
  /** Credentials; otherwise BULWARK_REGISTRY_USERNAME / BULWARK_REGISTRY_PASSWORD from `env`. */
  readonly username?: string;
  readonly password?: string;
  /** Speak plain http (always so for localhost and 127.0.0.1). */
  readonly insecure?: boolean;
  /** Total bytes fetched (manifests, tokens, blobs) before the pull is refused. */
  readonly maxBytes?: number;
  /** A request that sends nothing for this long is abandoned. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Where the credential variables are read; `process.env` unless given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface PulledImage extends WrittenImage {
  readonly layoutDir: string;
}

export const DEFAULT_PULL_MAX_BYTES = 8 * 1024 ** 3;
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_PLATFORM = 'linux/amd64';

/** A folder the pull may fill: absent, or empty. */
async function checkDestination(target: string): Promise<Result<void, string>> {
  try {
    const stats = await stat(target);
    if (stats.isDirectory() && (await readdir(target)).length === 0) return ok(undefined);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(undefined);
    return err(`cannot use ${target} for the pulled image: ${describeError(error)}`);
  }
  return err(`${target} already exists and is not an empty folder; name a new one for the pulled image`);
}

function settingsFor(reference: ImageReference, options: PullOptions): ClientSettings {
  const env = options.env ?? process.env;
  const username = options.username ?? env.BULWARK_REGISTRY_USERNAME;
  const password = options.password ?? env.BULWARK_REGISTRY_PASSWORD;
  const isPlain = options.insecure === true || isLocalRegistry(reference.registry);
  return {
    reference,
    baseUrl: `${isPlain ? 'http' : 'https'}://${reference.registry}`,
    ...(username !== undefined && username !== '' && password !== undefined ? { credentials: { username, password } } : {}),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? DEFAULT_PULL_MAX_BYTES,
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/**
 * Pull `ref` from its registry into an OCI image layout at `destDir` (which must be new or empty):
 * the image manifest for the wanted platform, its config and its layers, each verified against its
 * digest and size. The layout appears whole or not at all.
 */
export async function pullImage(ref: string | ImageReference, destDir: string, options: PullOptions = {}): Promise<Result<PulledImage, string>> {
  const reference = typeof ref === 'string' ? parseImageReference(ref) : ok(ref);
  if (!reference.ok) return reference;
  const wanted = parsePlatform(options.platform ?? DEFAULT_PLATFORM);
  if (!wanted.ok) return wanted;
  const target = resolve(destDir);
  const free = await checkDestination(target);
  if (!free.ok) return free;
  let temp: string;
  try {
    await mkdir(dirname(target), { recursive: true });
    temp = await mkdtemp(join(dirname(target), `.${basename(target)}.pull-`));
  } catch (error) {
    return err(`cannot create a folder beside ${target}: ${describeError(error)}`);
  }
  try {
    const pulled = await writeOciLayout(new RegistryClient(settingsFor(reference.value, options)), temp, wanted.value, options.platform !== undefined);
    if (!pulled.ok) return pulled;
    // An empty folder in the way is replaced; rename refuses a non-empty one, so a racing writer loses nothing.
    await rmdir(target).catch(() => undefined);
    await rename(temp, target);
    return ok({ layoutDir: target, ...pulled.value });
  } catch (error) {
    return err(`cannot write the image layout at ${target}: ${describeError(error)}`);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
