/**
 * Image references as Docker reads them (`alpine`, `ghcr.io/org/app:1.2`, `repo@sha256:…`), and the
 * test that tells a reference from a path on disk.
 */
import { lstatSync } from 'node:fs';
import { resolve } from 'node:path';
import { err, ok, type Result } from '../../../core/result.js';
import { quote } from '../../../util/describe.js';

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

const DOCKER_HUB = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', DOCKER_HUB]);
const MAX_REFERENCE_LENGTH = 512;
const MAX_NAME_LENGTH = 255;

// Docker's reference grammar (distribution/reference). Separators are never letters or digits, so
// these patterns cannot backtrack badly.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;

/** `sha256:` and 64 lower-case hex digits, the only digests a pull accepts. */
export function isSha256Digest(text: string): boolean {
  return DIGEST.test(text);
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

/** A registry on this machine, which is spoken to over plain http. */
export function isLocalRegistry(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(0, registry.indexOf(']') + 1) : registry.split(':')[0];
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/** `library/alpine:3.19` or `library/alpine@sha256:…`, for messages. */
export function nameOf(reference: ImageReference, tagOrDigest: string): string {
  return `${reference.repository}${tagOrDigest.startsWith('sha256:') ? '@' : ':'}${tagOrDigest}`;
}
