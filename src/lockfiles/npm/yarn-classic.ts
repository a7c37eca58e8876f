import type { LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import { declaredDependencies, readManifest, type Manifest } from './manifest.js';
import { parseNpmAlias, splitNameAndRange } from './npm-spec.js';
import { createProblemList, type ProblemList } from './problem-list.js';
import { YarnGraph, type ProjectRoots } from './yarn-graph.js';
import { isBerryLockfile, readYarnBlocks, type YarnBlock } from './yarn-lines.js';

/** Characters that make a workspace entry a pattern rather than a folder: such folders cannot be listed here. */
const GLOB_CHARACTERS = /[*?[\]{}!]/;

/** Yarn v1 `yarn.lock`. Direct dependencies come from the `package.json` files of the project. */
export const yarnClassic: LockfileFormat = {
  id: 'yarn-classic',
  packageManager: 'yarn',
  ecosystem: 'npm',
  matches: (fileName) => fileName === 'yarn.lock',
  parse: parseYarnClassic,
};

function parseYarnClassic(input: LockfileInput): ParsedLockfile {
  if (!/\S/.test(input.text)) throw new LockfileError('the file is empty');
  if (isBerryLockfile(input.text)) throw new LockfileError('this yarn.lock is in the Yarn Berry (v2+) format, not Yarn classic (v1)');
  const problems = createProblemList(input.path);
  const graph = new YarnGraph();
  for (const block of readYarnBlocks(input.text, 'classic', problems)) addBlock(graph, block, problems);
  const roots = projectRoots(input, graph, problems);
  return { packages: graph.lockedPackages((descriptor) => graph.resolve(descriptor), roots), problems: problems.list() };
}

function addBlock(graph: YarnGraph, block: YarnBlock, problems: ProblemList): void {
  const version = block.fields.get('version');
  const first = block.descriptors[0];
  if (version === undefined || version === '' || first === undefined) {
    problems.add('lockfile-entry-without-version', `entry "${block.descriptors.join(', ')}" has no version; skipped`, block.line, 'info');
    return;
  }
  const dependencies: string[] = [];
  for (const listName of ['dependencies', 'optionalDependencies']) {
    for (const [name, range] of block.maps.get(listName) ?? []) dependencies.push(`${name}@${range}`);
  }
  graph.add(realName(first), version, block.line, block.descriptors, dependencies);
}

/** `string-width-cjs@npm:string-width@^4.2.0` is an alias: the package is string-width. */
function realName(descriptor: string): string {
  const { name, range } = splitNameAndRange(descriptor);
  return parseNpmAlias(range)?.name ?? name;
}

/** The root `package.json` and the workspace manifests that can be named without listing folders. */
function projectRoots(input: LockfileInput, graph: YarnGraph, problems: ProblemList): ProjectRoots | undefined {
  const root = readManifest(input, 'package.json', problems);
  if (root === undefined) return undefined;
  const manifests: Manifest[] = [root];
  let complete = true;
  for (const pattern of root.workspaces) {
    const folder = pattern.replace(/\/+$/, '');
    const workspace = GLOB_CHARACTERS.test(folder) ? undefined : readManifest(input, `${folder}/package.json`, problems);
    if (workspace === undefined) complete = false;
    else manifests.push(workspace);
  }
  if (!complete) {
    problems.add('workspaces-not-read', 'some workspace package.json files could not be read (patterns such as packages/* cannot be listed); packages nothing else depends on are taken as direct', undefined, 'info');
  }
  const prod: string[] = [];
  const dev: string[] = [];
  for (const manifest of manifests) {
    for (const [name, { range, isDev }] of declaredDependencies(manifest)) {
      const key = graph.resolve(`${name}@${range}`);
      if (key !== undefined) (isDev ? dev : prod).push(key);
    }
  }
  return { prod, dev, complete };
}
