import type { Problem } from '../../../core/result.js';
import { splitEntryPath } from './entry-path.js';
import type { ImageConfig } from './image-config.js';
import type { MergedTree } from './merged-tree.js';
import type { ImageLayer, ImageTree } from './types.js';

export interface ImageFacts {
  readonly reference: string;
  readonly source: string;
  readonly layers: readonly ImageLayer[];
  readonly config?: ImageConfig;
  readonly problems: readonly Problem[];
}

/**
 * The finished tree as analyzers see it. A plain object, so a caller may spread it to restate
 * where the image came from (`{ ...tree, source: 'registry', reference: 'alpine:3.19' }`).
 */
export function createImageTree(facts: ImageFacts, tree: MergedTree): ImageTree {
  return {
    ...facts,
    files: () => tree.entries(),
    stat: (path) => tree.stat(splitEntryPath(path).parts),
    read: (path) => tree.read(splitEntryPath(path).parts),
    history: (path) => tree.history(splitEntryPath(path).parts),
  };
}
