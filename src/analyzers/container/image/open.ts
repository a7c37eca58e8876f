import { lstat, open, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { err, ok, type Result } from '../../../core/result.js';
import { applyLayer } from './apply-layer.js';
import { DOCKER_MANIFEST, planDockerArchive } from './docker-archive.js';
import type { ImagePlan, PlannedLayer } from './image-plan.js';
import { createImageTree } from './image-tree.js';
import { openLayerBytes, sniffCompression } from './layer-bytes.js';
import { readLayer, type ReadBudget } from './layer-reader.js';
import { describeError, directoryLayoutFiles, tarLayoutFiles, type LayoutFiles } from './layout-files.js';
import { MergedTree } from './merged-tree.js';
import { OCI_INDEX, OCI_LAYOUT_MARKER, planOciLayout } from './oci-layout.js';
import { ProblemLog } from './problem-log.js';
import { readRootfs } from './rootfs.js';
import { indexTar } from './tar-index.js';
import type { ImageLayer, ImageTree, OpenImageOptions } from './types.js';

/**
 * Open an image for analysis: a `docker save` archive, an OCI image layout (directory or tar),
 * a `docker save` archive unpacked into a directory, or a root filesystem directory. Layers are
 * applied bottom to top into an in-memory tree without extracting anything to disk.
 *
 * An error value means there is no usable tree: the target is not an image, a manifest names a
 * file that is missing, a layer is zstd-compressed, or the layers expand past
 * `maxTotalBytes` (treated as a decompression bomb: the image is refused, not half-read). A
 * damaged layer is not an error: the tree holds what could be read and a notice says what not.
 */
export async function openImage(target: string, options: OpenImageOptions): Promise<Result<ImageTree, string>> {
  try {
    return await openTarget(target, options);
  } catch (error) {
    if (options.signal?.aborted === true) return err(`reading "${target}" was aborted`);
    return err(`"${target}" could not be read (${describeError(error)})`);
  }
}

function notAnImage(target: string, why?: string): string {
  return `"${target}" is not a docker archive, an OCI layout or a directory${why === undefined ? '' : ` (${why})`}`;
}

async function openTarget(target: string, options: OpenImageOptions): Promise<Result<ImageTree, string>> {
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    return err(`"${target}" cannot be opened (${describeError(error)})`);
  }
  if (info.isDirectory()) return openDirectory(target, options);
  if (info.isFile()) return openArchive(target, info.size, options);
  return err(notAnImage(target, 'it is neither a file nor a directory'));
}

async function openDirectory(target: string, options: OpenImageOptions): Promise<Result<ImageTree, string>> {
  const problems = new ProblemLog();
  const kind = await directoryKind(target);
  if (kind === 'rootfs') return openRootfs(target, options, problems);
  const files = await directoryLayoutFiles(`"${target}"`, target);
  const plan = kind === 'oci-layout' ? await planOciLayout(files, problems) : await planDockerArchive(files, problems);
  if (!plan.ok) return err(`"${target}": ${plan.error}`);
  return readPlannedImage(target, files, plan.value, options, problems);
}

/** A directory is a layout when it has the layout's marker files; any other directory is a root filesystem. */
async function directoryKind(directory: string): Promise<'oci-layout' | 'docker-archive' | 'rootfs'> {
  if ((await isRegularFile(join(directory, OCI_LAYOUT_MARKER))) && (await isRegularFile(join(directory, OCI_INDEX)))) return 'oci-layout';
  if ((await isRegularFile(join(directory, DOCKER_MANIFEST))) && !(await isDirectory(join(directory, 'etc')))) return 'docker-archive';
  return 'rootfs';
}

async function openRootfs(target: string, options: OpenImageOptions, problems: ProblemLog): Promise<Result<ImageTree, string>> {
  const tree = new MergedTree();
  const budget: ReadBudget = { bytesRead: 0, maxBytes: options.maxTotalBytes, entriesRead: 0 };
  const read = await readRootfs(resolve(target), tree, { ...options, budget, problems });
  if (!read.ok) return err(`"${target}": ${read.error}`);
  if (tree.stat(['etc']) === undefined && tree.stat(['usr']) === undefined) {
    problems.add({ code: 'image-rootfs-unusual', level: 'info', message: `"${target}" has neither etc/ nor usr/; it may not be a root filesystem` });
  }
  // A directory has no stored form, so its one layer has no digest.
  const layers: ImageLayer[] = [{ digest: '', size: 0 }];
  return ok(createImageTree({ reference: target, source: 'rootfs', layers, problems: problems.list() }, tree));
}

async function openArchive(target: string, size: number, options: OpenImageOptions): Promise<Result<ImageTree, string>> {
  const file = await open(target, 'r');
  try {
    const head = Buffer.alloc(8);
    await file.read(head, 0, head.length, 0);
    const compression = sniffCompression(head);
    if (compression !== 'none') {
      return err(notAnImage(target, `it is ${compression}-compressed; decompress it first, e.g. \`${compression === 'gzip' ? 'gunzip' : compression === 'zstd' ? 'unzstd' : compression === 'xz' ? 'unxz' : 'bunzip2'} -k\``));
    }
    return await openIndexedArchive(target, file, size, options);
  } finally {
    await file.close();
  }
}

async function openIndexedArchive(target: string, file: FileHandle, size: number, options: OpenImageOptions): Promise<Result<ImageTree, string>> {
  const problems = new ProblemLog();
  const index = await indexTar(file, size);
  if (!index.ok) return err(notAnImage(target, index.error));
  if (index.value.truncated) {
    problems.add({ code: 'image-archive-truncated', level: 'warn', message: `"${target}" ends before its last member does; it is truncated` });
  }
  const files = tarLayoutFiles(`"${target}"`, file, index.value);
  const members = index.value.members;
  let plan: Result<ImagePlan, string>;
  if (members.has(DOCKER_MANIFEST)) plan = await planDockerArchive(files, problems);
  else if (members.has(OCI_INDEX)) plan = await planOciLayout(files, problems);
  else return err(notAnImage(target, `it is a tar archive without ${DOCKER_MANIFEST} or ${OCI_INDEX}`));
  if (!plan.ok) return err(`"${target}": ${plan.error}`);
  return readPlannedImage(target, files, plan.value, options, problems);
}

/** Stream every layer of the plan, bottom first, into one tree. */
async function readPlannedImage(target: string, files: LayoutFiles, plan: ImagePlan, options: OpenImageOptions, problems: ProblemLog): Promise<Result<ImageTree, string>> {
  const tree = new MergedTree();
  const budget: ReadBudget = { bytesRead: 0, maxBytes: options.maxTotalBytes, entriesRead: 0 };
  const layers: ImageLayer[] = [];
  for (const [index, layer] of plan.layers.entries()) {
    if (options.signal?.aborted === true) return err(`reading "${target}" was aborted`);
    const label = `layer ${index} (${layer.diffId ?? layer.blobDigest ?? layer.name})`;
    const read = await readOneLayer(files, layer, label, tree, index, { ...options, budget, problems });
    if (!read.ok) return err(`"${target}": ${label}: ${read.error}`);
    layers.push(describeLayer(layer, read.value));
  }
  const config = plan.config === undefined ? {} : { config: plan.config };
  return ok(createImageTree({ reference: target, source: plan.source, layers, ...config, problems: problems.list() }, tree));
}

interface LayerContext extends OpenImageOptions {
  readonly budget: ReadBudget;
  readonly problems: ProblemLog;
}

/** Read and apply one layer; the value is the digest of its stored bytes where it was computed. */
async function readOneLayer(files: LayoutFiles, layer: PlannedLayer, label: string, tree: MergedTree, index: number, context: LayerContext): Promise<Result<string | undefined, string>> {
  const stored = await files.open(layer.name);
  if (!stored.ok) return stored;
  const bytes = await openLayerBytes(stored.value, digestAlgorithm(layer));
  if (!bytes.ok) return bytes;
  let changes;
  try {
    changes = await readLayer(bytes.value.tar, { ...context, label });
  } finally {
    bytes.value.destroy();
  }
  if (!changes.ok) return changes;
  applyLayer(tree, changes.value, index, label, context.problems);
  const digest = bytes.value.storedDigest();
  if (layer.blobDigest !== undefined && digest !== undefined && digest !== layer.blobDigest) {
    context.problems.add({ code: 'image-layer-digest-mismatch', level: 'warn', message: `${label}: the stored bytes hash to ${digest}, not ${layer.blobDigest}; the layer is damaged or was altered` });
  }
  return ok(digest);
}

/** Hash a layer while it streams when its name is a digest to check, or when no digest is known. */
function digestAlgorithm(layer: PlannedLayer): 'sha256' | 'sha512' | undefined {
  if (layer.blobDigest !== undefined) return layer.blobDigest.startsWith('sha512:') ? 'sha512' : 'sha256';
  return layer.diffId === undefined ? 'sha256' : undefined;
}

function describeLayer(layer: PlannedLayer, storedDigest: string | undefined): ImageLayer {
  const digest = layer.diffId ?? layer.blobDigest ?? storedDigest ?? '';
  return { digest, size: layer.size, ...(layer.createdBy === undefined ? {} : { createdBy: layer.createdBy }) };
}

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile();
  } catch {
    return false; // absent or unreadable: not a marker
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return false; // absent or unreadable
  }
}
