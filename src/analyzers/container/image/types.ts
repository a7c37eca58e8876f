import type { Problem } from '../../../core/result.js';

/** One entry of an image's merged filesystem (all layers applied, whiteouts honoured). */
export interface ImageFile {
  /** Path inside the image without a leading slash: `var/lib/dpkg/status`. */
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink' | 'hardlink';
  readonly size: number;
  /** Index (0-based, bottom first) of the layer that last wrote this path. */
  readonly layer: number;
  /** For links: the target as written in the layer. */
  readonly linkTarget?: string;
}

export interface ImageLayer {
  /** `sha256:…` of the layer as stored (the diff id where it is known, else the blob digest). */
  readonly digest: string;
  /** Compressed size as stored. */
  readonly size: number;
  /** The Dockerfile step that made it, from the image config's history, where given. */
  readonly createdBy?: string;
}

/** An image opened for analysis. File contents are only held for the paths the caller wanted. */
export interface ImageTree {
  /** What the user named: `alpine:3.19`, `image.tar`, `./rootfs`. */
  readonly reference: string;
  /** `docker-archive`, `oci-layout`, `rootfs` or `registry`. */
  readonly source: string;
  readonly layers: readonly ImageLayer[];
  /** Image config: OS, architecture, environment, labels, where the image has one. */
  readonly config?: { readonly os?: string; readonly architecture?: string; readonly env?: readonly string[]; readonly labels?: Readonly<Record<string, string>> };
  /** Every entry of the merged tree, in path order. */
  files(): Iterable<ImageFile>;
  /** The entry at `path` after following symlinks inside the image (never outside it). */
  stat(path: string): ImageFile | undefined;
  /** Content of a wanted file (following symlinks inside the image), or undefined. */
  read(path: string): Buffer | undefined;
  /** What was skipped or refused while reading (traversal, bombs, oversized files…). */
  readonly problems: readonly Problem[];
}

export interface OpenImageOptions {
  /** Whether to keep the content of this file (called while layers stream by). */
  readonly wanted: (path: string, size: number) => boolean;
  /** A wanted file bigger than this is not kept (a notice says so). */
  readonly maxFileBytes: number;
  /** Total bytes of layer data read (after decompression) before the image is refused as a bomb. */
  readonly maxTotalBytes: number;
  readonly signal?: AbortSignal;
}
