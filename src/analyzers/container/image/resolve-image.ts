/** From the tag or digest the user named, through any image indexes, to one image manifest. */
import { err, ok, type Result } from '../../../core/result.js';
import { choosePlatform, formatPlatform, type Platform } from './image-platform.js';
import { nameOf } from './image-reference.js';
import type { FetchedManifest, RegistryClient } from './registry-client.js';
import { parseManifest, type Manifest } from './registry-documents.js';

const MAX_INDEX_DEPTH = 2;

export interface ResolvedImage extends FetchedManifest {
  readonly manifest: Extract<Manifest, { kind: 'image' }>;
  readonly mediaType: string;
  readonly repositoryDigest: string;
  readonly indexPlatform?: Platform;
}

/** Follow indexes down to the image manifest for `wanted`. */
export async function resolveImage(client: RegistryClient, wanted: Platform): Promise<Result<ResolvedImage, string>> {
  const { reference } = client;
  const top = await client.fetchManifest(reference.digest ?? reference.tag ?? 'latest');
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
      return err(`image ${nameOf(reference, reference.digest ?? reference.tag ?? 'latest')} on registry ${reference.registry} has no ${formatPlatform(wanted)} image (it offers ${offered.join(', ') || 'none with a platform'})`);
    }
    indexPlatform = chosen.platform;
    const next = await client.fetchManifest(chosen.digest, chosen);
    if (!next.ok) return next;
    current = next.value;
  }
  return err(`image ${nameOf(reference, top.value.digest)} on registry ${reference.registry} nests indexes more than ${MAX_INDEX_DEPTH} deep; refused`);
}
