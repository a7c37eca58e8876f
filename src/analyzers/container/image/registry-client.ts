/**
 * One pull's HTTP conversation with a registry (distribution API v2): manifests and blobs fetched
 * and checked against their digests, 401 challenges answered with Basic credentials or a bearer
 * token, redirects followed with care for the Authorization header, and every byte counted
 * against the pull's limit.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { err, ok, type Result } from '../../../core/result.js';
import { describeError, formatLimit, quote } from '../../../util/describe.js';
import { parseChallenge } from './auth-challenge.js';
import { isSha256Digest, nameOf, type ImageReference } from './image-reference.js';
import { MANIFEST_ACCEPT, readToken, registryErrorDetail, type Descriptor } from './registry-documents.js';
import { discard, formatDuration, parseUrl, Refusal, Watchdog } from './registry-http.js';

const MAX_REDIRECTS = 5;
const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Registries may refuse bigger manifests (distribution spec); so do we. */
const MAX_MANIFEST_BYTES = 4 * 1024 ** 2;
const MAX_SMALL_BODY_BYTES = 64 * 1024;

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export interface ClientSettings {
  readonly reference: ImageReference;
  readonly baseUrl: string;
  readonly credentials?: { readonly username: string; readonly password: string };
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal;
}

export interface FetchedManifest {
  readonly body: Buffer;
  readonly contentType: string;
  readonly digest: string;
}

/** One pull's conversation with one registry: the token it earned and the bytes it has received. */
export class RegistryClient {
  private authorization: string | undefined;
  private received = 0;
  /** Stops the sibling downloads once one fails. */
  readonly cancel = new AbortController();

  constructor(private readonly settings: ClientSettings) {}

  get reference(): ImageReference {
    return this.settings.reference;
  }

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
    const token = readToken(json);
    if (token === undefined) throw new Refusal(`${where} sent no usable token`);
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
      const promised = isSha256Digest(tagOrDigest) ? tagOrDigest : announced !== null && isSha256Digest(announced) ? announced : digest;
      if (digest !== promised) return err(`${subject} from registry ${this.registry} does not match its digest ${promised} (it hashes to ${digest}); refused`);
      if (expected !== undefined && body.length !== expected.size) return err(`${subject} from registry ${this.registry} is ${body.length} bytes, but its index says ${expected.size}; refused`);
      return ok({ body, contentType: response.headers.get('content-type') ?? '', digest });
    } catch (error) {
      return err(this.failure(error, watchdog, subject));
    } finally {
      watchdog.stop();
    }
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

