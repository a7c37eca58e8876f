import type { ImageConfig } from './image-config.js';

/** One layer to read: where it is stored and what is known about it before reading it. */
export interface PlannedLayer {
  /** The file in the archive or layout: `blobs/sha256/…` or `<id>/layer.tar`. */
  readonly name: string;
  /** Stored (possibly compressed) size. */
  readonly size: number;
  /** The config's diff id for the layer, where it has one. */
  readonly diffId?: string;
  /** The digest the stored bytes must have: the blob's name in an OCI layout. */
  readonly blobDigest?: string;
  readonly createdBy?: string;
}

/** What the manifests of a docker archive or OCI layout say to read, bottom layer first. */
export interface ImagePlan {
  readonly source: 'docker-archive' | 'oci-layout';
  readonly config?: ImageConfig;
  readonly layers: readonly PlannedLayer[];
}

/** Layer facts from the config, attached to the layer names the manifest gives. */
export function planLayers(
  names: readonly { readonly name: string; readonly size: number; readonly blobDigest?: string }[],
  diffIds: readonly string[] | undefined,
  createdBy: readonly (string | undefined)[] | undefined,
): PlannedLayer[] {
  return names.map((layer, index) => {
    const diffId = diffIds?.[index];
    const step = createdBy?.[index];
    return { ...layer, ...(diffId === undefined ? {} : { diffId }), ...(step === undefined ? {} : { createdBy: step }) };
  });
}
