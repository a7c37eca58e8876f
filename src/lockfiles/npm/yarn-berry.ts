import type { LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import { declaredDependencies, readManifest } from './manifest.js';
import { parseNpmAlias, splitNameAndRange } from './npm-spec.js';
import { createProblemList, type ProblemList } from './problem-list.js';
import { YarnGraph, type ProjectRoots } from './yarn-graph.js';
import { isBerryLockfile, readYarnBlocks, type YarnBlock } from './yarn-lines.js';

/** Berry's version for folders it links rather than installs (workspaces, `link:`, `portal:`). */
const LOCAL_VERSION = '0.0.0-use.local';
const WORKSPACE_PROTOCOL = '@workspace:';

/** A workspace of the project: its folder and the descriptors it depends on. */
interface Workspace {
  readonly folder: string;
  readonly dependencies: ReadonlyMap<string, string>;
}

/** Yarn 2+ (Berry) `yarn.lock`: YAML keyed by descriptors, with the project's workspaces as entries. */
export const yarnBerry: LockfileFormat = {
  id: 'yarn-berry',
  packageManager: 'yarn',
  ecosystem: 'npm',
  matches: (fileName) => fileName === 'yarn.lock',
  parse: parseYarnBerry,
};

function parseYarnBerry(input: LockfileInput): ParsedLockfile {
  if (!/\S/.test(input.text)) throw new LockfileError('the file is empty');
  if (!isBerryLockfile(input.text)) throw new LockfileError('this yarn.lock is in the Yarn classic (v1) format, not Yarn Berry (v2+): it has no __metadata');
  const problems = createProblemList(input.path);
  const graph = new YarnGraph();
  const workspaces: Workspace[] = [];
  for (const block of readYarnBlocks(input.text, 'berry', problems)) {
    if (block.descriptors[0] === '__metadata') continue;
    const workspace = workspaceOf(block);
    if (workspace !== undefined) workspaces.push(workspace);
    else addBlock(graph, block, problems);
  }
  const roots = projectRoots(input, graph, workspaces, problems);
  return { packages: graph.lockedPackages((descriptor) => resolveDescriptor(graph, descriptor), roots), problems: problems.list() };
}

function workspaceOf(block: YarnBlock): Workspace | undefined {
  const resolution = block.fields.get('resolution') ?? '';
  const at = resolution.indexOf(WORKSPACE_PROTOCOL);
  if (at <= 0) return undefined;
  return { folder: resolution.slice(at + WORKSPACE_PROTOCOL.length), dependencies: block.maps.get('dependencies') ?? new Map() };
}

function addBlock(graph: YarnGraph, block: YarnBlock, problems: ProblemList): void {
  const version = block.fields.get('version');
  if (version === LOCAL_VERSION) return;
  const resolution = block.fields.get('resolution');
  const first = block.descriptors[0];
  if (version === undefined || version === '' || first === undefined) {
    problems.add('lockfile-entry-without-version', `entry "${block.descriptors.join(', ')}" has no version; skipped`, block.line, 'info');
    return;
  }
  // The resolution names the real package, also behind an alias or a patch (`resolve@patch:resolve@npm%3A…`).
  const name = resolution === undefined ? aliasTarget(first) : splitNameAndRange(resolution).name;
  const dependencies = [...(block.maps.get('dependencies') ?? [])].map(([dependency, range]) => `${dependency}@${range}`);
  graph.add(name, version, block.line, block.descriptors, dependencies);
}

function aliasTarget(descriptor: string): string {
  const { name, range } = splitNameAndRange(descriptor);
  return parseNpmAlias(range)?.name ?? name;
}

/** Lockfiles before Berry 3 leave out the default `npm:` in dependency ranges; their headers have it. */
function resolveDescriptor(graph: YarnGraph, descriptor: string): string | undefined {
  const { name, range } = splitNameAndRange(descriptor);
  return graph.resolve(descriptor, `${name}@npm:${range}`);
}

/**
 * Every workspace's dependencies are direct. The lockfile does not say which are devDependencies,
 * so each workspace's package.json does; a workspace without one counts as production.
 */
function projectRoots(input: LockfileInput, graph: YarnGraph, workspaces: readonly Workspace[], problems: ProblemList): ProjectRoots | undefined {
  if (workspaces.length === 0) return undefined;
  const prod: string[] = [];
  const dev: string[] = [];
  for (const workspace of workspaces) {
    const manifestPath = workspace.folder === '.' ? 'package.json' : `${workspace.folder}/package.json`;
    const manifest = readManifest(input, manifestPath, problems);
    const declared = manifest === undefined ? undefined : declaredDependencies(manifest);
    for (const [name, range] of workspace.dependencies) {
      const key = resolveDescriptor(graph, `${name}@${range}`);
      if (key !== undefined) (declared?.get(name)?.isDev === true ? dev : prod).push(key);
    }
  }
  return { prod, dev, complete: true };
}
