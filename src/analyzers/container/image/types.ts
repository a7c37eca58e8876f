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

/** The content one layer left at a path. */
export interface FileVersion {
  /** Index (0-based, bottom first) of the layer that wrote this content. */
  readonly layer: number;
  readonly content: Buffer;
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
  /**
   * The versions of a wanted file that the layers wrote, bottom first, one per layer (the last
   * entry a layer wrote wins), following symlinks inside the image like `read`. The last version
   * is what `read` gives and its layer is `stat(path).layer`; `[]` when `read` gives undefined.
   *
   * The list describes the file's unbroken life at the path it finally lives at: a whiteout, an
   * opaque parent or a non-file written over it ends it, so a file deleted and later written
   * again starts over with the layer that wrote it again. Versions that were not kept (over
   * `maxFileBytes`) are missing; so are middle versions past a cap (the first and the most
   * recent are kept, a notice names each dropped one). A root filesystem has one version.
   * Optional so a hand-made tree may leave it out; `openImage` always provides it.
   */
  history?(path: string): readonly FileVersion[];
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
