import { isRecord } from '../structured-text.js';
import type { LockfileInput } from '../types.js';
import { stringRecord } from './npm-spec.js';
import type { ProblemList } from './problem-list.js';

/** The parts of a `package.json` that tell which packages the project itself declares. */
export interface Manifest {
  readonly dependencies: ReadonlyMap<string, string>;
  readonly devDependencies: ReadonlyMap<string, string>;
  readonly optionalDependencies: ReadonlyMap<string, string>;
  readonly peerDependencies: ReadonlyMap<string, string>;
  /** Workspace folder patterns (`packages/*`), from either `workspaces` form. */
  readonly workspaces: readonly string[];
}

/**
 * Reads a `package.json` beside the lockfile (or in a workspace folder below it). Absent gives
 * undefined quietly; present but unreadable gives undefined and a problem.
 */
export function readManifest(input: LockfileInput, relativePath: string, problems: ProblemList): Manifest | undefined {
  const text = input.readSibling(relativePath);
  if (text === undefined) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : 'unreadable';
    problems.add('manifest-unreadable', `${relativePath} beside the lockfile is not valid JSON (${reason}); direct dependencies are unknown`);
    return undefined;
  }
  if (!isRecord(document)) {
    problems.add('manifest-unreadable', `${relativePath} beside the lockfile is not a JSON object; direct dependencies are unknown`);
    return undefined;
  }
  return {
    dependencies: stringRecord(document['dependencies']),
    devDependencies: stringRecord(document['devDependencies']),
    optionalDependencies: stringRecord(document['optionalDependencies']),
    peerDependencies: stringRecord(document['peerDependencies']),
    workspaces: workspacePatterns(document['workspaces']),
  };
}

function workspacePatterns(value: unknown): readonly string[] {
  const list = isRecord(value) ? value['packages'] : value;
  return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [];
}

/** Every dependency the manifest declares, with whether it is declared only for development. */
export function declaredDependencies(manifest: Manifest): ReadonlyMap<string, { readonly range: string; readonly isDev: boolean }> {
  const declared = new Map<string, { range: string; isDev: boolean }>();
  for (const [name, range] of manifest.devDependencies) declared.set(name, { range, isDev: true });
  // A name listed both ways is installed for production, so the runtime lists win.
  for (const list of [manifest.peerDependencies, manifest.optionalDependencies, manifest.dependencies]) {
    for (const [name, range] of list) declared.set(name, { range, isDev: false });
  }
  return declared;
}
