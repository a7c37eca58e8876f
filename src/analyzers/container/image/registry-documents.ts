/**
 * The JSON a registry sends (image indexes, image manifests, error bodies, token answers), read as
 * untrusted input into typed values or a message saying what is wrong with it.
 */
import { err, ok, type Result } from '../../../core/result.js';
import { quote } from '../../../util/describe.js';
import { isSha256Digest } from './image-reference.js';
import type { Platform } from './image-platform.js';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const INDEX_TYPES: ReadonlySet<string> = new Set([OCI_INDEX, DOCKER_LIST]);
const MANIFEST_TYPES: ReadonlySet<string> = new Set([OCI_MANIFEST, DOCKER_MANIFEST]);
const SCHEMA1_TYPES: ReadonlySet<string> = new Set(['application/vnd.docker.distribution.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v1+prettyjws']);
const CONFIG_TYPES: ReadonlySet<string> = new Set(['application/vnd.oci.image.config.v1+json', 'application/vnd.docker.container.image.v1+json']);
/** The Accept header of a manifest request: every index and manifest type that is read. */
export const MANIFEST_ACCEPT = [OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, DOCKER_MANIFEST].join(', ');
const MAX_DESCRIPTORS = 1_000;
/** A bearer token goes into a header: printable ASCII, bounded. */
const TOKEN = /^[\x21-\x7e]{1,16384}$/;

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
}

export type Manifest = { readonly kind: 'index'; readonly manifests: readonly Descriptor[] } | { readonly kind: 'image'; readonly config: Descriptor; readonly layers: readonly Descriptor[] };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `os`, `architecture` and `variant` of a descriptor or an image config, where both of the first two are given. */
export function readPlatform(value: unknown): Platform | undefined {
  if (!isRecord(value) || typeof value.os !== 'string' || typeof value.architecture !== 'string') return undefined;
  return { os: value.os, architecture: value.architecture, ...(typeof value.variant === 'string' && value.variant !== '' ? { variant: value.variant } : {}) };
}

function readDescriptor(value: unknown, where: string): Result<Descriptor, string> {
  if (!isRecord(value)) return err(`${where} is not a descriptor object`);
  const { digest, size } = value;
  if (typeof digest !== 'string' || !isSha256Digest(digest)) return err(`${where} has digest ${quote(String(digest))}; only sha256 digests are supported`);
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
export function parseManifest(body: Buffer, contentType: string, subject: string): Result<Manifest & { readonly mediaType: string }, string> {
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
export function registryErrorDetail(body: Buffer): string | undefined {
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

/** A token service's answer: `token`, or OAuth2's `access_token`, if it is a plausible header value. */
export function readToken(json: unknown): string | undefined {
  const token = isRecord(json) ? (typeof json.token === 'string' && json.token !== '' ? json.token : json.access_token) : undefined;
  return typeof token === 'string' && TOKEN.test(token) ? token : undefined;
}
