import { ImageConfigSchema, parseDocument, type ImageConfigDocument } from './documents.js';
import type { ProblemLog } from './problem-log.js';
import type { ImageTree } from './types.js';

export type ImageConfig = NonNullable<ImageTree['config']>;

/** What an image config says that the reader needs. */
export interface ConfigFacts {
  readonly config?: ImageConfig;
  /** Digests of the uncompressed layers, bottom first; undefined when the config has none. */
  readonly diffIds?: readonly string[];
  /** The step that made each layer, bottom first, or undefined when history and layers disagree. */
  readonly createdBy?: readonly (string | undefined)[];
}

/**
 * Read an image config. A config that cannot be read costs the OS, labels and layer history,
 * not the image, so it is a notice rather than an error.
 */
export function readImageConfig(bytes: Buffer, name: string, layerCount: number, problems: ProblemLog): ConfigFacts {
  const parsed = parseDocument(ImageConfigSchema, bytes, name);
  if (!parsed.ok) {
    problems.add({ code: 'image-config-unreadable', level: 'warn', message: `${parsed.error}; the image's OS, labels and layer history are unknown` });
    return {};
  }
  const document = parsed.value;
  const diffIds = document.rootfs?.diff_ids;
  const usableDiffIds = diffIds !== undefined && diffIds.length === layerCount ? diffIds : undefined;
  if (diffIds !== undefined && usableDiffIds === undefined) {
    problems.add({ code: 'image-config-mismatch', level: 'warn', message: `${name} lists ${diffIds.length} layer digests, the manifest ${layerCount} layers; the config's digests were not used` });
  }
  const createdBy = layerHistory(document, layerCount);
  return {
    config: configSummary(document),
    ...(usableDiffIds === undefined ? {} : { diffIds: usableDiffIds }),
    ...(createdBy === undefined ? {} : { createdBy }),
  };
}

function configSummary(document: ImageConfigDocument): ImageConfig {
  const env = document.config?.Env;
  const labels = document.config?.Labels;
  return {
    ...(document.os === undefined ? {} : { os: document.os }),
    ...(document.architecture === undefined ? {} : { architecture: document.architecture }),
    ...(env === undefined || env === null ? {} : { env }),
    ...(labels === undefined || labels === null ? {} : { labels: stringLabels(labels) }),
  };
}

/** Docker writes a label without a value as null; such a label reads as an empty string. */
function stringLabels(labels: Readonly<Record<string, string | null>>): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, value ?? '']));
}

/** History entries that made no layer (ENV, CMD…) are marked `empty_layer` and skipped. */
function layerHistory(document: ImageConfigDocument, layerCount: number): (string | undefined)[] | undefined {
  const steps = (document.history ?? []).filter((step) => step.empty_layer !== true).map((step) => step.created_by);
  return steps.length === layerCount ? steps : undefined;
}
