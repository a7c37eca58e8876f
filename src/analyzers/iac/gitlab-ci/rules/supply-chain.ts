import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';
import type { Pipeline } from '../framework.js';
import { allImages } from '../pipeline.js';

/** The tag of an image reference, `''` when it has none, undefined when pinned by digest. */
function tagOf(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return colon < 0 ? '' : lastPart.slice(colon + 1);
}

const imageLatest: IacRule<Pipeline> = {
  id: 'gitlab-ci-image-latest',
  title: 'Job image without a fixed tag',
  description:
    'An image with no tag or the `latest` tag changes under the pipeline without review: builds stop being reproducible and a pushed (or hijacked) tag runs new code with the job\'s credentials.',
  severity: 'low',
  cwe: 1357,
  remediation: 'Use a specific version tag (`node:20.11-alpine`), or better a digest (`node@sha256:…`), and update it deliberately.',
  check: (pipeline) =>
    allImages(pipeline).flatMap(({ name, line, resource }): Violation[] => {
      if (name.includes('$')) return [];
      const tag = tagOf(name);
      if (tag === undefined || (tag !== '' && tag !== 'latest')) return [];
      return [{ line, resource, detail: tag === '' ? `${name} has no tag` : `${name} uses latest` }];
    }),
};

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** The problem with one `include:` entry, if any. */
function includeProblem(entry: Located): Violation | undefined {
  const resource = 'include';
  const text = entry.str();
  if (text !== undefined) {
    return /^https?:\/\//i.test(text) ? { line: entry.line, resource, detail: `${text} is fetched without an integrity hash` } : undefined;
  }
  const remote = entry.get('remote');
  if (remote && !entry.has('integrity')) return { line: remote.line, resource, detail: `${remote.str() ?? 'remote file'} is fetched without an integrity hash` };
  const project = entry.get('project');
  if (!project) return undefined;
  const ref = entry.get('ref');
  if (!ref) return { line: project.line, resource, detail: `${project.str() ?? 'project'} is included from its default branch` };
  const name = ref.str() ?? '';
  return FULL_SHA.test(name) || name.includes('$') ? undefined : { line: ref.line, resource, detail: `${project.str() ?? 'project'} is included at "${name}", which can move` };
}

const includeUnpinned: IacRule<Pipeline> = {
  id: 'gitlab-ci-include-unpinned',
  title: 'Pipeline configuration included from a mutable source',
  description:
    'Jobs included from another project\'s branch or tag, or from a remote URL, change whenever that source changes; whoever controls it can add jobs that run with this project\'s variables and token.',
  severity: 'medium',
  cwe: 829,
  remediation: 'Pin `include:project` with `ref:` set to a full commit SHA, and give `include:remote` an `integrity:` hash (`sha256-…`), or copy the file into the repository.',
  check: (pipeline) => {
    const include = pipeline.root.get('include');
    if (!include) return [];
    const entries = include.isSeq() ? include.items() : [include];
    return entries.flatMap((entry) => includeProblem(entry) ?? []);
  },
};

export const SUPPLY_CHAIN_RULES: readonly IacRule<Pipeline>[] = [imageLatest, includeUnpinned];
