/**
 * Pulling an image from a registry over the distribution API (the OCI distribution spec, which is
 * Docker's Registry HTTP API v2) into an OCI image layout directory that the layout reader opens.
 * Every byte is hashed as it streams to disk, so nothing the registry sends is trusted unverified.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, lstatSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { describeError } from '../../../advisories/budget.js';
import { formatLimit } from '../../../advisories/limits.js';
import { err, ok, type Result } from '../../../core/result.js';

/** `registry-1.docker.io/library/alpine:latest`, split. Docker Hub is named by its API host. */
export interface ImageReference {
  /** `host[:port]` as the API is reached. */
  readonly registry: string;
  readonly repository: string;
  /** `latest` when the user named neither tag nor digest. */
  readonly tag?: string;
  /** `sha256:<64 hex>`; when given it wins over the tag, as in Docker. */
  readonly digest?: string;
}

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

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

export interface PulledImage {
  readonly layoutDir: string;
  /** Digest of the image manifest that `index.json` points at. */
  readonly digest: string;
  /** What the tag resolved to on the registry (the index for multi-platform images). */
  readonly repositoryDigest: string;
  readonly platform: Platform;
}

export const DEFAULT_PULL_MAX_BYTES = 8 * 1024 ** 3;
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_PLATFORM = 'linux/amd64';
const DOCKER_HUB = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', DOCKER_HUB]);
const MAX_REFERENCE_LENGTH = 512;
const MAX_NAME_LENGTH = 255;
const MAX_REDIRECTS = 5;
/** Registries may refuse bigger manifests (distribution spec); so do we. */
const MAX_MANIFEST_BYTES = 4 * 1024 ** 2;
const MAX_CONFIG_BYTES = 16 * 1024 ** 2;
const MAX_SMALL_BODY_BYTES = 64 * 1024;
const MAX_INDEX_DEPTH = 2;
const MAX_DESCRIPTORS = 1_000;
const PARALLEL_BLOBS = 3;

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const INDEX_TYPES: ReadonlySet<string> = new Set([OCI_INDEX, DOCKER_LIST]);
const MANIFEST_TYPES: ReadonlySet<string> = new Set([OCI_MANIFEST, DOCKER_MANIFEST]);
const SCHEMA1_TYPES: ReadonlySet<string> = new Set(['application/vnd.docker.distribution.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v1+prettyjws']);
const CONFIG_TYPES: ReadonlySet<string> = new Set(['application/vnd.oci.image.config.v1+json', 'application/vnd.docker.container.image.v1+json']);
const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST].join(', ');

// Docker's reference grammar (distribution/reference). Separators are never letters or digits, so
// these patterns cannot backtrack badly.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;
const PLATFORM_PART = /^[a-z0-9][a-z0-9_.-]{0,31}$/;
const TOKEN = /^[\x21-\x7e]{1,16384}$/;
const ARCHITECTURE_ALIASES: Readonly<Record<string, string>> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64' };

// ---------------------------------------------------------------------------------------------
// References

function quote(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

function isValidPort(port: string): boolean {
  return /^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535;
}

/** `host`, `host:port`, `[v6]` or `[v6]:port`. */
function isValidRegistry(registry: string): boolean {
  if (registry.startsWith('[')) {
    const close = registry.indexOf(']');
    const rest = registry.slice(close + 1);
    return close > 0 && IPV6.test(registry.slice(1, close)) && (rest === '' || (rest.startsWith(':') && isValidPort(rest.slice(1))));
  }
  const colon = registry.indexOf(':');
  const host = colon === -1 ? registry : registry.slice(0, colon);
  return host.split('.').every((label) => DOMAIN_LABEL.test(label)) && (colon === -1 || isValidPort(registry.slice(colon + 1)));
}

/** Docker's rule: the first component names a registry if it has a dot or colon, is `localhost`, or has capitals. */
function splitRegistry(name: string): { readonly registry: string; readonly path: string } {
  const slash = name.indexOf('/');
  const first = name.slice(0, Math.max(slash, 0));
  const isRegistry = slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  if (!isRegistry) return { registry: 'docker.io', path: name };
  return { registry: first, path: name.slice(slash + 1) };
}

/** Split `[registry/]repository[:tag][@digest]` with Docker's defaults (Docker Hub, `library/`, `latest`). */
export function parseImageReference(ref: string): Result<ImageReference, string> {
  const refuse = (why: string): Result<ImageReference, string> => err(`${quote(ref)} is not an image reference: ${why}`);
  if (ref.length === 0) return refuse('it is empty');
  if (ref.length > MAX_REFERENCE_LENGTH) return refuse(`it is longer than ${MAX_REFERENCE_LENGTH} characters`);
  const at = ref.indexOf('@');
  const withTag = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? undefined : ref.slice(at + 1);
  if (digest !== undefined && !DIGEST.test(digest)) {
    return refuse(/^sha256:/.test(digest) || !digest.includes(':') ? 'a digest is "sha256:" and 64 lower-case hex digits' : 'only sha256 digests are supported');
  }
  const colon = withTag.lastIndexOf(':');
  const hasTag = colon > withTag.lastIndexOf('/');
  const name = hasTag ? withTag.slice(0, colon) : withTag;
  const tag = hasTag ? withTag.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return refuse('a tag is 1 to 128 letters, digits, "_", "." or "-", not starting with "." or "-"');
  if (name.length > MAX_NAME_LENGTH) return refuse(`the name is longer than ${MAX_NAME_LENGTH} characters`);
  const split = splitRegistry(name);
  if (!isValidRegistry(split.registry)) return refuse(`${quote(split.registry)} is not a registry host[:port]`);
  if (split.path !== split.path.toLowerCase()) return refuse('repository names are lower-case');
  if (!split.path.split('/').every((component) => PATH_COMPONENT.test(component))) {
    return refuse('a repository is "/"-separated parts of lower-case letters and digits joined by ".", "_", "__" or "-"');
  }
  const isHub = DOCKER_HUB_ALIASES.has(split.registry);
  return ok({
    registry: isHub ? DOCKER_HUB : split.registry,
    repository: isHub && !split.path.includes('/') ? `library/${split.path}` : split.path,
    ...(tag !== undefined ? { tag } : digest === undefined ? { tag: 'latest' } : {}),
    ...(digest !== undefined ? { digest } : {}),
  });
}

/**
 * Whether a scan target names an image on a registry rather than a file: `alpine:3.19` does,
 * `./rootfs`, `/tmp/x`, `image.tar` and anything that exists on disk do not.
 */
export function looksLikeImageReference(target: string, cwd: string = process.cwd()): boolean {
  if (/^(?:\.{1,2}(?:[\\/]|$)|[\\/~])/.test(target) || target.includes('\\')) return false;
  if (/\.(?:tar|tgz|tar\.gz|oci)$/i.test(target)) return false;
  try {
    if (lstatSync(resolve(cwd, target), { throwIfNoEntry: false }) !== undefined) return false;
  } catch (error) {
    // ENOTDIR, ENAMETOOLONG and the like: no such file, so the reference test decides.
    void error;
  }
  return parseImageReference(target).ok;
}

function isLocalRegistry(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(0, registry.indexOf(']') + 1) : registry.split(':')[0];
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

function nameOf(reference: ImageReference, tagOrDigest: string): string {
  return `${reference.repository}${tagOrDigest.startsWith('sha256:') ? '@' : ':'}${tagOrDigest}`;
}

// ---------------------------------------------------------------------------------------------
// Platforms

/** `linux/arm64/v8` → its parts, with the usual architecture aliases. */
export function parsePlatform(text: string): Result<Platform, string> {
  const parts = text.toLowerCase().split('/');
  const [os, rawArchitecture, variant] = parts;
  if (parts.length > 3 || os === undefined || rawArchitecture === undefined || !parts.every((part) => PLATFORM_PART.test(part))) {
    return err(`${quote(text)} is not a platform; write os/architecture[/variant], as linux/amd64 or linux/arm64/v8`);
  }
  const architecture = ARCHITECTURE_ALIASES[rawArchitecture] ?? rawArchitecture;
  return ok({ os, architecture, ...(variant !== undefined ? { variant } : {}) });
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, ...(platform.variant !== undefined ? [platform.variant] : [])].join('/');
}

/** arm64 images usually leave out the `v8` they imply. */
function variantOf(platform: Platform): string | undefined {
  return platform.variant ?? (platform.architecture === 'arm64' ? 'v8' : undefined);
}

function matchesPlatform(candidate: Platform, wanted: Platform): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  return wanted.variant === undefined || variantOf(candidate) === variantOf(wanted);
}

function choosePlatform(entries: readonly Descriptor[], wanted: Platform): Descriptor | undefined {
  const matching = entries.filter((entry) => entry.platform !== undefined && matchesPlatform(entry.platform, wanted));
  // Without a wanted variant, the plain one (no variant, or the implied one) beats e.g. amd64/v3.
  return matching.find((entry) => entry.platform !== undefined && entry.platform.variant === variantOf(entry.platform)) ?? matching[0];
}

// ---------------------------------------------------------------------------------------------
// Manifests (untrusted JSON)

interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
}

type Manifest = { readonly kind: 'index'; readonly manifests: readonly Descriptor[] } | { readonly kind: 'image'; readonly config: Descriptor; readonly layers: readonly Descriptor[] };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPlatform(value: unknown): Platform | undefined {
  if (!isRecord(value) || typeof value.os !== 'string' || typeof value.architecture !== 'string') return undefined;
  return { os: value.os, architecture: value.architecture, ...(typeof value.variant === 'string' && value.variant !== '' ? { variant: value.variant } : {}) };
}

function readDescriptor(value: unknown, where: string): Result<Descriptor, string> {
  if (!isRecord(value)) return err(`${where} is not a descriptor object`);
  const { digest, size } = value;
  if (typeof digest !== 'string' || !DIGEST.test(digest)) return err(`${where} has digest ${quote(String(digest))}; only sha256 digests are supported`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return err(`${where} has no valid size`);
  const platform = readPlatform(value.platform);
  return ok({ mediaType: typeof value.mediaType === 'string' ? value.mediaType : '', digest, size, ...(platform ? { platform } : {}) });
}

function readDescriptors(value: unknown, where: string): Result<readonly Descriptor[], string> {
  if (!Array.isArray(value)) return err(`${where} is missing`);
  if (value.length > MAX_DESCRIPTORS) return err(`${where} has ${value.length} entries, more than the ${MAX_DESCRIPTORS} accepted`);
  const descriptors: Descriptor[] = [];
  for (const [index, entry] of value.entries()) {
    const descriptor = readDescriptor(entry, `${where}[${index}]`);
    if (!descriptor.ok) return descriptor;
    descriptors.push(descriptor.value);
  }
  return ok(descriptors);
}

/** The body's own mediaType wins over the Content-Type header; the shape decides when neither is known. */
function parseManifest(body: Buffer, contentType: string, subject: string): Result<Manifest & { readonly mediaType: string }, string> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return err(`${subject} is not valid JSON`);
  }
  if (!isRecord(json)) return err(`${subject} is not a JSON object`);
  const declared = [typeof json.mediaType === 'string' ? json.mediaType : '', contentType.split(';')[0]?.trim() ?? ''];
  if (declared.some((type) => SCHEMA1_TYPES.has(type)) || json.schemaVersion === 1) {
    return err(`${subject} is a Docker schema 1 manifest, which is deprecated and not supported; push the image again with a current Docker`);
  }
  const known = declared.find((type) => INDEX_TYPES.has(type) || MANIFEST_TYPES.has(type));
  const isIndex = known !== undefined ? INDEX_TYPES.has(known) : Array.isArray(json.manifests);
  if (isIndex) {
    const manifests = readDescriptors(json.manifests, `${subject}: manifests`);
    return manifests.ok ? ok({ kind: 'index', manifests: manifests.value, mediaType: known ?? OCI_INDEX }) : manifests;
  }
  const config = readDescriptor(json.config, `${subject}: config`);
  if (!config.ok) return config;
  if (config.value.mediaType !== '' && !CONFIG_TYPES.has(config.value.mediaType)) {
    return err(`${subject} is not a container image (its config is ${quote(config.value.mediaType)})`);
  }
  const layers = readDescriptors(json.layers, `${subject}: layers`);
  return layers.ok ? ok({ kind: 'image', config: config.value, layers: layers.value, mediaType: known ?? OCI_MANIFEST }) : layers;
}

/** The `{ errors: [{ code, message }] }` body registries send with failures, in one short line. */
function registryErrorDetail(body: Buffer): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const first: unknown = isRecord(json) && Array.isArray(json.errors) ? json.errors[0] : undefined;
  if (!isRecord(first)) return undefined;
  const text = [first.code, first.message].filter((part) => typeof part === 'string' && part !== '').join(': ');
  // eslint-disable-next-line no-control-regex -- stripping control characters a hostile registry may send
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean === '' ? undefined : clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

// ---------------------------------------------------------------------------------------------
// WWW-Authenticate

export interface Challenge {
  /** Lower-cased: `bearer` or `basic`. */
  readonly scheme: string;
  /** Lower-cased parameter names. */
  readonly params: ReadonlyMap<string, string>;
}

/** The first challenge of a WWW-Authenticate header: `Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(header: string): Challenge | undefined {
  const text = header.slice(0, 8192);
  const scheme = /^\s*([A-Za-z][\w-]*)/.exec(text);
  if (scheme?.[1] === undefined) return undefined;
  const params = new Map<string, string>();
  let i = scheme[0].length;
  const skip = (chars: string): void => {
    while (i < text.length && chars.includes(text.charAt(i))) i++;
  };
  while (i < text.length) {
    skip(' \t,');
    const key = /^[\w-]+/.exec(text.slice(i, i + 256))?.[0];
    if (key === undefined) break;
    i += key.length;
    skip(' \t');
    // A token not followed by `=` starts the next challenge.
    if (text.charAt(i) !== '=') break;
    i++;
    skip(' \t');
    let value = '';
    if (text.charAt(i) === '"') {
      for (i++; i < text.length && text.charAt(i) !== '"'; i++) {
        if (text.charAt(i) === '\\') i++;
        value += text.charAt(i);
      }
      i++;
    } else {
      while (i < text.length && !', \t'.includes(text.charAt(i))) value += text.charAt(i++);
    }
    params.set(key.toLowerCase(), value);
  }
  return { scheme: scheme[1].toLowerCase(), params };
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** An expected failure raised inside a stream pipeline; its message is the user's error. */
class Refusal extends Error {}

/** Aborts a request that sends nothing for `ms`; re-armed on every response and chunk. */
class Watchdog {
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

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function parseUrl(text: string, base?: URL): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

interface ClientSettings {
  readonly reference: ImageReference;
  readonly baseUrl: string;
  readonly credentials?: { readonly username: string; readonly password: string };
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

interface FetchedManifest {
  readonly body: Buffer;
  readonly contentType: string;
  readonly digest: string;
}

interface ResolvedImage extends FetchedManifest {
  readonly manifest: Extract<Manifest, { kind: 'image' }>;
  readonly mediaType: string;
  readonly repositoryDigest: string;
  readonly indexPlatform?: Platform;
}

/** One pull's conversation with one registry: the token it earned and the bytes it has received. */
class RegistryClient {
  private authorization: string | undefined;
  private received = 0;
  /** Stops the sibling downloads once one fails. */
  readonly cancel = new AbortController();

  constructor(private readonly settings: ClientSettings) {}

  private get registry(): string {
    return this.settings.reference.registry;
  }

  get tag(): string | undefined {
    return this.settings.reference.tag;
  }

  private watchdog(): Watchdog {
    return new Watchdog(this.settings.timeoutMs, [this.cancel.signal, ...(this.settings.signal ? [this.settings.signal] : [])]);
  }

  /** Count bytes against the pull's limit. */
  spend(bytes: number): void {
    this.received += bytes;
    if (this.received > this.settings.maxBytes) {
      throw new Refusal(`pulling from registry ${this.registry} would fetch more than ${formatLimit(this.settings.maxBytes)}, the download limit`);
    }
  }

  /** Refuse up front an image whose declared sizes already exceed the limit. */
  checkRoomFor(bytes: number, subject: string): Result<void, string> {
    if (this.received + bytes <= this.settings.maxBytes) return ok(undefined);
    return err(`${subject} on registry ${this.registry} is ${bytes} bytes, more than the ${formatLimit(this.settings.maxBytes)} download limit`);
  }

  private failure(error: unknown, watchdog: Watchdog, subject: string): string {
    if (error instanceof Refusal) return error.message;
    if (this.settings.signal?.aborted === true) return `the pull from registry ${this.registry} was interrupted`;
    if (watchdog.isTimedOut) return `registry ${this.registry} sent nothing for ${formatDuration(this.settings.timeoutMs)} waiting for ${subject}; gave up`;
    const cause = error instanceof Error && error.cause !== undefined ? describeError(error.cause) : describeError(error);
    return `cannot fetch ${subject} from registry ${this.registry}: ${cause}`;
  }

  /** GET `url`, following up to five redirects; Authorization goes only to the origin it was meant for. */
  private async follow(url: URL, subject: string, watchdog: Watchdog, accept: string | undefined, authorization: string | undefined): Promise<Response> {
    let current = url;
    let credential = authorization;
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = { 'accept-encoding': 'identity', ...(accept ? { accept } : {}), ...(credential ? { authorization: credential } : {}) };
      watchdog.arm();
      const response = await fetch(current, { headers, redirect: 'manual', signal: watchdog.signal });
      if (!REDIRECTS.has(response.status)) return response;
      const location = response.headers.get('location');
      await discard(response);
      if (location === null) throw new Refusal(`registry ${this.registry} answered ${response.status} for ${subject} without saying where to go`);
      if (hop >= MAX_REDIRECTS) throw new Refusal(`registry ${this.registry} redirected ${subject} more than ${MAX_REDIRECTS} times`);
      const next = parseUrl(location, current);
      if (next === null || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
        throw new Refusal(`registry ${this.registry} redirected ${subject} to ${quote(location)}, which is not an http(s) URL`);
      }
      if (next.origin !== current.origin) credential = undefined;
      current = next;
    }
  }

  private needsCredentials(subject: string): string {
    return this.settings.credentials
      ? `registry ${this.registry} answered 401 for ${subject}: the credentials were refused`
      : `registry ${this.registry} answered 401 for ${subject}: it needs credentials (set BULWARK_REGISTRY_USERNAME and BULWARK_REGISTRY_PASSWORD)`;
  }

  /** Earn an Authorization header from a 401's challenge. */
  private async authenticate(header: string | null, subject: string, watchdog: Watchdog): Promise<void> {
    const challenge = header === null ? undefined : parseChallenge(header);
    const { credentials } = this.settings;
    const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` : undefined;
    if (challenge?.scheme === 'basic') {
      if (basic === undefined) throw new Refusal(this.needsCredentials(subject));
      this.authorization = basic;
      return;
    }
    const realm = challenge?.scheme === 'bearer' ? parseUrl(challenge.params.get('realm') ?? '') : null;
    if (challenge === undefined || realm === null || (realm.protocol !== 'https:' && realm.protocol !== 'http:')) {
      throw new Refusal(`registry ${this.registry} answered 401 for ${subject} without a usable WWW-Authenticate challenge`);
    }
    if (basic !== undefined && realm.protocol === 'http:' && this.settings.baseUrl.startsWith('https:')) {
      throw new Refusal(`registry ${this.registry} asks for credentials to be sent over plain http to ${realm.origin}; refused`);
    }
    const service = challenge.params.get('service');
    if (service !== undefined) realm.searchParams.set('service', service);
    realm.searchParams.set('scope', challenge.params.get('scope') ?? `repository:${this.settings.reference.repository}:pull`);
    this.authorization = `Bearer ${await this.fetchToken(realm, basic, watchdog)}`;
  }

  private async fetchToken(realm: URL, basic: string | undefined, watchdog: Watchdog): Promise<string> {
    const where = `token service ${realm.origin}${realm.pathname}`;
    const response = await this.follow(realm, 'a token', watchdog, 'application/json', basic);
    if (!response.ok) {
      await discard(response);
      const hint = response.status === 401 || response.status === 403 ? (basic ? ': the credentials were refused' : ': it needs credentials (set BULWARK_REGISTRY_USERNAME and BULWARK_REGISTRY_PASSWORD)') : '';
      throw new Refusal(`${where} answered ${response.status} for ${this.settings.reference.repository}${hint}`);
    }
    let json: unknown;
    try {
      json = JSON.parse((await this.readAll(response, MAX_SMALL_BODY_BYTES, 'a token', watchdog)).toString('utf8'));
    } catch (error) {
      if (error instanceof Refusal) throw error;
      throw new Refusal(`${where} sent a token response that is not JSON`);
    }
    const token = isRecord(json) ? (typeof json.token === 'string' && json.token !== '' ? json.token : json.access_token) : undefined;
    if (typeof token !== 'string' || !TOKEN.test(token)) throw new Refusal(`${where} sent no usable token`);
    return token;
  }

  /** A 2xx response for `path` on the registry, authenticating once if it answers 401. */
  private async request(path: string, subject: string, watchdog: Watchdog, accept?: string): Promise<Response> {
    const url = new URL(`${this.settings.baseUrl}${path}`);
    let response = await this.follow(url, subject, watchdog, accept, this.authorization);
    if (response.status === 401) {
      const challenge = response.headers.get('www-authenticate');
      await discard(response);
      await this.authenticate(challenge, subject, watchdog);
      response = await this.follow(url, subject, watchdog, accept, this.authorization);
      if (response.status === 401) {
        await discard(response);
        throw new Refusal(this.needsCredentials(subject));
      }
    }
    if (!response.ok) {
      const detail = await this.readAll(response, MAX_SMALL_BODY_BYTES, subject, watchdog).then(registryErrorDetail, () => undefined);
      throw new Refusal(`registry ${this.registry} answered ${response.status} for ${subject}${detail !== undefined ? ` (${detail})` : ''}`);
    }
    return response;
  }

  /** A whole (small) body, refused past `limit`. */
  private async readAll(response: Response, limit: number, subject: string, watchdog: Watchdog): Promise<Buffer> {
    if (response.body === null) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)) {
      const bytes = chunk as Buffer;
      watchdog.arm();
      this.spend(bytes.length);
      length += bytes.length;
      if (length > limit) throw new Refusal(`registry ${this.registry} sent more than ${formatLimit(limit)} for ${subject}; refused`);
      chunks.push(bytes);
    }
    return Buffer.concat(chunks);
  }

  /** A manifest by tag or digest, its bytes checked against the digest it was asked by or announced with. */
  async fetchManifest(tagOrDigest: string, expected?: Descriptor): Promise<Result<FetchedManifest, string>> {
    const subject = `manifest ${nameOf(this.settings.reference, tagOrDigest)}`;
    const watchdog = this.watchdog();
    try {
      const response = await this.request(`/v2/${this.settings.reference.repository}/manifests/${tagOrDigest}`, subject, watchdog, MANIFEST_ACCEPT);
      const body = await this.readAll(response, MAX_MANIFEST_BYTES, subject, watchdog);
      const digest = sha256(body);
      const announced = response.headers.get('docker-content-digest');
      const promised = DIGEST.test(tagOrDigest) ? tagOrDigest : announced !== null && DIGEST.test(announced) ? announced : digest;
      if (digest !== promised) return err(`${subject} from registry ${this.registry} does not match its digest ${promised} (it hashes to ${digest}); refused`);
      if (expected !== undefined && body.length !== expected.size) return err(`${subject} from registry ${this.registry} is ${body.length} bytes, but its index says ${expected.size}; refused`);
      return ok({ body, contentType: response.headers.get('content-type') ?? '', digest });
    } catch (error) {
      return err(this.failure(error, watchdog, subject));
    } finally {
      watchdog.stop();
    }
  }

  /** Follow indexes down to the image manifest for `wanted`. */
  async resolveImage(wanted: Platform): Promise<Result<ResolvedImage, string>> {
    const { reference } = this.settings;
    const top = await this.fetchManifest(reference.digest ?? reference.tag ?? 'latest');
    if (!top.ok) return top;
    let current = top.value;
    let indexPlatform: Platform | undefined;
    for (let depth = 0; depth <= MAX_INDEX_DEPTH; depth++) {
      const subject = `manifest ${nameOf(reference, current.digest)}`;
      const parsed = parseManifest(current.body, current.contentType, subject);
      if (!parsed.ok) return parsed;
      if (parsed.value.kind === 'image') {
        const { mediaType, ...manifest } = parsed.value;
        return ok({ ...current, manifest, mediaType, repositoryDigest: top.value.digest, ...(indexPlatform ? { indexPlatform } : {}) });
      }
      const chosen = choosePlatform(parsed.value.manifests, wanted);
      if (chosen === undefined) {
        // Attestations ride in indexes as unknown/unknown; they are not images anyone asks for.
        const platforms = parsed.value.manifests.flatMap((entry) => (entry.platform && entry.platform.os !== 'unknown' ? [formatPlatform(entry.platform)] : []));
        const offered = [...new Set(platforms)];
        return err(`image ${nameOf(reference, reference.digest ?? reference.tag ?? 'latest')} on registry ${this.registry} has no ${formatPlatform(wanted)} image (it offers ${offered.join(', ') || 'none with a platform'})`);
      }
      indexPlatform = chosen.platform;
      const next = await this.fetchManifest(chosen.digest, chosen);
      if (!next.ok) return next;
      current = next.value;
    }
    return err(`image ${nameOf(reference, top.value.digest)} on registry ${this.registry} nests indexes more than ${MAX_INDEX_DEPTH} deep; refused`);
  }

  /** Stream a blob to `path`, hashing and counting as it goes; a byte beyond its size or a wrong hash refuses it. */
  async downloadBlob(descriptor: Descriptor, path: string): Promise<Result<void, string>> {
    const subject = `blob ${descriptor.digest} of ${this.settings.reference.repository}`;
    const watchdog = this.watchdog();
    try {
      const response = await this.request(`/v2/${this.settings.reference.repository}/blobs/${descriptor.digest}`, subject, watchdog);
      const declared = response.headers.get('content-length');
      if (declared !== null && /^\d{1,20}$/.test(declared) && Number(declared) !== descriptor.size) {
        await discard(response);
        return err(`registry ${this.registry} announced ${declared} bytes for ${subject}, but its size is ${descriptor.size}; refused`);
      }
      if (response.body === null) return err(`registry ${this.registry} sent no body for ${subject}`);
      const hash = createHash('sha256');
      let length = 0;
      const spend = (bytes: number): void => this.spend(bytes);
      const tooLong = `registry ${this.registry} sent more than the ${descriptor.size} bytes of ${subject}; refused`;
      const verify = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
        for await (const chunk of source) {
          watchdog.arm();
          spend(chunk.length);
          length += chunk.length;
          if (length > descriptor.size) throw new Refusal(tooLong);
          hash.update(chunk);
          yield chunk;
        }
      };
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), verify, createWriteStream(path, { flags: 'wx' }));
      const digest = `sha256:${hash.digest('hex')}`;
      if (length !== descriptor.size) return err(`registry ${this.registry} sent ${length} of the ${descriptor.size} bytes of ${subject}; refused`);
      if (digest !== descriptor.digest) return err(`${subject} from registry ${this.registry} does not match its digest (the content hashes to ${digest}); refused`);
      return ok(undefined);
    } catch (error) {
      return err(this.failure(error, watchdog, subject));
    } finally {
      watchdog.stop();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The layout

function hexOf(digest: string): string {
  return digest.slice('sha256:'.length);
}

/** Run `task` over `items`, at most `limit` at once; the first failure stops the rest. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<Result<void, string>>, onFailure: () => void): Promise<Result<void, string>> {
  let next = 0;
  let failure: string | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined) {
      const item = items[next++];
      if (item === undefined) return;
      const done = await task(item);
      if (!done.ok && failure === undefined) {
        failure = done.error;
        onFailure();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failure === undefined ? ok(undefined) : err(failure);
}

async function readConfigPlatform(path: string, digest: string): Promise<Result<Platform | undefined, string>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return err(`the image config ${digest} is not valid JSON`);
  }
  return ok(readPlatform(json));
}

/** Everything of one pull into `dir` (a fresh temporary folder): blobs, `oci-layout`, `index.json`. */
async function pullInto(client: RegistryClient, dir: string, wanted: Platform, isPlatformExplicit: boolean): Promise<Result<Omit<PulledImage, 'layoutDir'>, string>> {
  const image = await client.resolveImage(wanted);
  if (!image.ok) return image;
  const { config, layers } = image.value.manifest;
  const uniqueLayers = [...new Map(layers.filter((layer) => layer.digest !== config.digest).map((layer) => [layer.digest, layer])).values()];
  const total = config.size + uniqueLayers.reduce((sum, layer) => sum + layer.size, 0);
  const room = client.checkRoomFor(total, `image ${image.value.digest}`);
  if (!room.ok) return room;
  if (config.size > MAX_CONFIG_BYTES) return err(`the image config ${config.digest} is ${config.size} bytes, more than the ${formatLimit(MAX_CONFIG_BYTES)} accepted`);
  const blobs = join(dir, 'blobs', 'sha256');
  await mkdir(blobs, { recursive: true });
  await writeFile(join(blobs, hexOf(image.value.digest)), image.value.body, { flag: 'wx' });
  const configPath = join(blobs, hexOf(config.digest));
  const fetchedConfig = await client.downloadBlob(config, configPath);
  if (!fetchedConfig.ok) return fetchedConfig;
  const configPlatform = await readConfigPlatform(configPath, config.digest);
  if (!configPlatform.ok) return configPlatform;
  const platform = configPlatform.value ?? image.value.indexPlatform ?? { os: 'unknown', architecture: 'unknown' };
  if (isPlatformExplicit && !matchesPlatform(platform, wanted)) {
    return err(`the image is for ${formatPlatform(platform)}, not the ${formatPlatform(wanted)} asked for`);
  }
  const fetchedLayers = await forEachLimited(
    uniqueLayers.filter((layer) => layer.digest !== image.value.digest),
    PARALLEL_BLOBS,
    (layer) => client.downloadBlob(layer, join(blobs, hexOf(layer.digest))),
    () => client.cancel.abort(),
  );
  if (!fetchedLayers.ok) return fetchedLayers;
  await writeFile(join(dir, 'oci-layout'), `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`);
  await writeFile(join(dir, 'index.json'), `${JSON.stringify(layoutIndex(image.value, platform, client.tag), null, 2)}\n`);
  return ok({ digest: image.value.digest, repositoryDigest: image.value.repositoryDigest, platform });
}

/** The layout's entry point: one descriptor, of the image manifest itself, named by its tag. */
function layoutIndex(image: ResolvedImage, platform: Platform, tag: string | undefined): unknown {
  const annotations = tag !== undefined ? { annotations: { 'org.opencontainers.image.ref.name': tag } } : {};
  return {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [{ mediaType: image.mediaType, digest: image.digest, size: image.body.length, platform, ...annotations }],
  };
}

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
    const pulled = await pullInto(new RegistryClient(settingsFor(reference.value, options)), temp, wanted.value, options.platform !== undefined);
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
