import { IMAGE_LIMITS } from './limits.js';
import type { FileVersion, ImageFile } from './types.js';

/**
 * Versions of one path kept (its current content included): the first, which says which layer
 * put the file there, and the most recent. Each version was read from a layer, so its bytes are
 * already counted against `maxTotalBytes` and are at most `maxFileBytes`; the cap keeps an image
 * of many layers that each rewrite a big database from holding every copy.
 */
export const MAX_FILE_VERSIONS = 17;

/** A middle version of a file dropped to stay within `MAX_FILE_VERSIONS`. */
export interface DroppedVersion {
  readonly path: string;
  readonly layer: number;
}

interface DirNode {
  readonly kind: 'dir';
  layer: number;
  children: Map<string, TreeNode>;
}

interface FileNode {
  readonly kind: 'file' | 'hardlink';
  readonly layer: number;
  readonly size: number;
  readonly content?: Buffer;
  readonly linkTarget?: string;
  /** Kept versions the lower layers left at this path, bottom first; absent when there are none. */
  readonly earlier?: readonly FileVersion[];
}

interface SymlinkNode {
  readonly kind: 'symlink';
  readonly layer: number;
  readonly linkTarget: string;
}

type TreeNode = DirNode | FileNode | SymlinkNode;

/** A node found by resolving a path, with the real path it lives at. */
interface Found {
  readonly node: TreeNode;
  readonly parts: readonly string[];
}

/** What a hardlink entry found when it looked for its target. */
export type HardlinkOutcome = 'linked' | 'missing-target' | 'target-is-directory';

/**
 * The merged filesystem of an image while its layers are applied, and afterwards the tree the
 * analyzers read. Paths are component arrays already normalised by `splitEntryPath`.
 *
 * Writes follow symbolic links in parent directories the way extracting a layer onto a real
 * filesystem would (a file under `lib/` lands in `usr/lib/` when `lib -> usr/lib`), but every
 * link is resolved against the image's own root, so nothing here ever names a host path.
 */
export class MergedTree {
  private readonly root: DirNode = { kind: 'dir', layer: 0, children: new Map() };
  private droppedVersions: DroppedVersion[] = [];

  /** Resolve `parts`, following symlinks inside the image; the last one only if `followLast`. */
  resolve(parts: readonly string[], followLast: boolean): Found | undefined {
    // Components still to walk, last one first, so a link's target can be pushed in front.
    const pending = [...parts].reverse();
    const dirs: DirNode[] = [];
    const real: string[] = [];
    let hops = 0;
    for (let steps = 1; pending.length > 0; steps += 1) {
      if (steps > IMAGE_LIMITS.maxResolveSteps) return undefined;
      const name = pending.pop() as string; // length checked by the loop condition
      if (name === '' || name === '.') continue;
      const current = dirs.at(-1) ?? this.root;
      if (name === '..') {
        dirs.pop();
        real.pop();
        continue;
      }
      const child = current.children.get(name);
      if (child === undefined) return undefined;
      const isLast = pending.length === 0;
      if (child.kind === 'symlink' && (followLast || !isLast)) {
        hops += 1;
        if (hops > IMAGE_LIMITS.maxLinkHops) return undefined;
        if (child.linkTarget.startsWith('/')) {
          dirs.length = 0;
          real.length = 0;
        }
        pending.push(...child.linkTarget.split('/').reverse());
        continue;
      }
      if (isLast) return { node: child, parts: [...real, name] };
      if (child.kind !== 'dir') return undefined;
      dirs.push(child);
      real.push(name);
    }
    return { node: dirs.at(-1) ?? this.root, parts: real };
  }

  /**
   * The directory that will hold an entry at `parts`, made where missing. A parent that is a
   * file, or a link that leads nowhere usable, is replaced by a directory, as a later layer's
   * directory replaces whatever the lower layers had there.
   */
  private parentFor(parts: readonly string[], layer: number): { dir: DirNode; parts: string[] } {
    let dir = this.root;
    let real: string[] = [];
    for (const name of parts.slice(0, -1)) {
      const child = dir.children.get(name);
      if (child?.kind === 'dir') {
        dir = child;
        real.push(name);
        continue;
      }
      if (child?.kind === 'symlink') {
        const target = this.resolve([...real, name], true);
        if (target?.node.kind === 'dir') {
          dir = target.node;
          real = [...target.parts];
          continue;
        }
      }
      const made: DirNode = { kind: 'dir', layer, children: new Map() };
      dir.children.set(name, made);
      dir = made;
      real.push(name);
    }
    return { dir, parts: real };
  }

  addDirectory(parts: readonly string[], layer: number): void {
    const name = parts.at(-1);
    if (name === undefined) {
      this.root.layer = layer;
      return;
    }
    const { dir } = this.parentFor(parts, layer);
    const existing = dir.children.get(name);
    // A directory over a directory merges with it; over anything else it replaces it.
    if (existing?.kind === 'dir') existing.layer = layer;
    else dir.children.set(name, { kind: 'dir', layer, children: new Map() });
  }

  addFile(parts: readonly string[], layer: number, size: number, content: Buffer | undefined): void {
    this.put(parts, layer, content === undefined ? { kind: 'file', layer, size } : { kind: 'file', layer, size, content });
  }

  addSymlink(parts: readonly string[], layer: number, linkTarget: string): void {
    this.put(parts, layer, { kind: 'symlink', layer, linkTarget });
  }

  /** A hardlink shares its target's content; the target is looked up without following a final link. */
  addHardlink(parts: readonly string[], layer: number, targetParts: readonly string[], linkTarget: string): HardlinkOutcome {
    const target = this.resolve(targetParts, false);
    if (target === undefined) return 'missing-target';
    const node = target.node;
    if (node.kind === 'dir') return 'target-is-directory';
    if (node.kind === 'symlink') {
      // A hardlink to a symlink is a second symlink with the same target.
      this.put(parts, layer, { kind: 'symlink', layer, linkTarget: node.linkTarget });
      return 'linked';
    }
    const shared = node.content === undefined ? {} : { content: node.content };
    this.put(parts, layer, { kind: 'hardlink', layer, size: node.size, linkTarget, ...shared });
    return 'linked';
  }

  /** Whatever the lower layers had at `parts` disappears (a device node or FIFO over it, say). */
  remove(parts: readonly string[]): void {
    const name = parts.at(-1);
    if (name === undefined) return;
    const parent = this.resolve(parts.slice(0, -1), true);
    if (parent?.node.kind === 'dir') parent.node.children.delete(name);
  }

  /** An opaque directory: what the lower layers put inside it is hidden. */
  makeOpaque(parts: readonly string[], layer: number): void {
    const name = parts.at(-1);
    if (name === undefined) {
      this.root.children = new Map();
      return;
    }
    const { dir } = this.parentFor(parts, layer);
    const existing = dir.children.get(name);
    if (existing?.kind === 'dir') {
      existing.children = new Map();
      existing.layer = layer;
    } else {
      dir.children.set(name, { kind: 'dir', layer, children: new Map() });
    }
  }

  private put(parts: readonly string[], layer: number, node: FileNode | SymlinkNode): void {
    const name = parts.at(-1);
    if (name === undefined) return;
    const parent = this.parentFor(parts, layer);
    const previous = parent.dir.children.get(name);
    const placed = node.kind === 'symlink' ? node : this.continueHistory(node, previous, parent.parts, name);
    parent.dir.children.set(name, placed);
  }

  /**
   * A file written over a file carries the older one's versions along; over anything else (or
   * nothing) its history starts with itself. Within one layer only the last write counts.
   */
  private continueHistory(node: FileNode, previous: TreeNode | undefined, dirParts: readonly string[], name: string): FileNode {
    if (previous === undefined || previous.kind === 'dir' || previous.kind === 'symlink') return node;
    const earlier = [...(previous.earlier ?? [])];
    if (previous.content !== undefined && previous.layer !== node.layer) earlier.push({ layer: previous.layer, content: previous.content });
    const excess = earlier.length - (MAX_FILE_VERSIONS - 1);
    if (excess > 0) {
      // Index 0 is the first version: the oldest of the others go.
      const path = [...dirParts, name].join('/');
      for (const dropped of earlier.splice(1, excess)) this.droppedVersions.push({ path, layer: dropped.layer });
    }
    return earlier.length === 0 ? node : { ...node, earlier };
  }

  /** Versions dropped by the cap since the last call, for the caller to give notice of. */
  takeDroppedVersions(): readonly DroppedVersion[] {
    const dropped = this.droppedVersions;
    this.droppedVersions = [];
    return dropped;
  }

  /** Every entry, parents before children, siblings by name. */
  *entries(): Generator<ImageFile> {
    const stack: { readonly path: string; readonly node: TreeNode }[] = [];
    const pushChildren = (dir: DirNode, prefix: string): void => {
      const names = [...dir.children.keys()].sort().reverse();
      for (const name of names) {
        const node = dir.children.get(name);
        if (node !== undefined) stack.push({ path: prefix === '' ? name : `${prefix}/${name}`, node });
      }
    };
    pushChildren(this.root, '');
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      yield describeNode(item.path, item.node);
      if (item.node.kind === 'dir') pushChildren(item.node, item.path);
    }
  }

  /** The entry at `parts` after following links; its `path` is where it really lives. */
  stat(parts: readonly string[]): ImageFile | undefined {
    const found = this.resolve(parts, true);
    return found === undefined ? undefined : describeNode(found.parts.join('/'), found.node);
  }

  read(parts: readonly string[]): Buffer | undefined {
    const found = this.resolve(parts, true);
    if (found === undefined || found.node.kind === 'dir' || found.node.kind === 'symlink') return undefined;
    return found.node.content;
  }

  /** The kept versions of the file at `parts` (after following links), ending with its content. */
  history(parts: readonly string[]): readonly FileVersion[] {
    const found = this.resolve(parts, true);
    if (found === undefined || found.node.kind === 'dir' || found.node.kind === 'symlink') return [];
    const { content, layer, earlier } = found.node;
    if (content === undefined) return [];
    return [...(earlier ?? []), { layer, content }];
  }
}

function describeNode(path: string, node: TreeNode): ImageFile {
  switch (node.kind) {
    case 'dir':
      return { path, kind: 'dir', size: 0, layer: node.layer };
    case 'symlink':
      return { path, kind: 'symlink', size: 0, layer: node.layer, linkTarget: node.linkTarget };
    default: {
      const link = node.linkTarget === undefined ? {} : { linkTarget: node.linkTarget };
      return { path, kind: node.kind, size: node.size, layer: node.layer, ...link };
    }
  }
}
