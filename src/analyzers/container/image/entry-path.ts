import { IMAGE_LIMITS } from './limits.js';

/** A path inside the image split into components, with what normalising it had to drop. */
export interface EntryPath {
  /** Components without `.`, `..` or empty parts: `['usr', 'bin', 'env']`; `[]` is the root. */
  readonly parts: readonly string[];
  /** A `..` tried to climb above the root and was dropped. */
  readonly climbed: boolean;
  /** The name started with `/`. */
  readonly absolute: boolean;
}

/**
 * Normalise a name from a layer or archive the way a tar extractor confined to a root would:
 * leading `/` and `./` removed, `..` applied lexically and never above the root. Layers are
 * never extracted to disk, so this is about what the name means, not about safety of a write.
 */
export function splitEntryPath(name: string): EntryPath {
  const parts: string[] = [];
  let climbed = false;
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) climbed = true;
      else parts.pop();
      continue;
    }
    parts.push(part);
  }
  return { parts, climbed, absolute: name.startsWith('/') };
}

export function joinEntryPath(parts: readonly string[]): string {
  return parts.join('/');
}

export function isTooLong(name: string): boolean {
  return name.length > IMAGE_LIMITS.maxPathLength;
}

const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
/** aufs bookkeeping names (`.wh..wh.plnk`, `.wh..wh.aufs`) carry no meaning for the merged tree. */
const AUFS_META_PREFIX = '.wh..wh.';

/** What an entry's base name says about lower layers. */
export type WhiteoutKind =
  | { readonly kind: 'none' }
  /** Delete `name` (and everything under it) from the lower layers. */
  | { readonly kind: 'whiteout'; readonly name: string }
  /** Hide everything the lower layers put in the entry's directory. */
  | { readonly kind: 'opaque' }
  /** aufs metadata: ignore the entry. */
  | { readonly kind: 'meta' };

export function classifyWhiteout(baseName: string): WhiteoutKind {
  if (!baseName.startsWith(WHITEOUT_PREFIX)) return { kind: 'none' };
  if (baseName === OPAQUE_MARKER) return { kind: 'opaque' };
  if (baseName.startsWith(AUFS_META_PREFIX)) return { kind: 'meta' };
  const name = baseName.slice(WHITEOUT_PREFIX.length);
  if (name === '' || name === '.' || name === '..') return { kind: 'meta' };
  return { kind: 'whiteout', name };
}
