/**
 * Fixed bounds for reading images, in one place. The caller's own limits (content kept, total
 * bytes read) are in `OpenImageOptions`; these keep hostile metadata from costing unbounded time
 * or memory.
 */
export const IMAGE_LIMITS = {
  /**
   * Entries read over all layers; each costs a little memory whether or not it is kept (large
   * real images have a few hundred thousand).
   */
  maxEntries: 1_000_000,
  /** Symbolic links followed while resolving one path; Linux stops at 40 too. */
  maxLinkHops: 40,
  /**
   * Path components walked while resolving one path, links' targets included. Real paths need a
   * few dozen; the cap keeps 40 hops through 4096-character targets from costing 80,000 steps
   * for every entry of a hostile layer.
   */
  maxResolveSteps: 1024,
  /** Longest entry name or link target accepted (Linux's PATH_MAX). */
  maxPathLength: 4096,
  /** manifest.json, index.json, image manifests and configs are small documents. */
  maxDocumentBytes: 8 * 1024 * 1024,
  /** Layers in one image; Docker itself refuses more than 127. */
  maxLayers: 1000,
  /** Image indexes nested inside image indexes. */
  maxIndexDepth: 4,
  /** Entries in the outer tar of a docker archive or OCI layout. */
  maxArchiveEntries: 200_000,
  /** A pax or GNU long-name record larger than this is not a name. */
  maxLongHeaderBytes: 1024 * 1024,
  /** Notices kept per problem code; the rest are counted in one summary notice. */
  maxNoticesPerCode: 20,
  /** Bytes read from disk per chunk when streaming a layer. */
  readChunkBytes: 1024 * 1024,
} as const;
