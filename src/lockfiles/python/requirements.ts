import { posix } from 'node:path';
import type { Problem } from '../../core/result.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import { joinContinuations, readRequirementLine, stripComment } from './requirement-line.js';

/** `-r` chains deeper or wider than this are almost certainly a mistake (or hostile). */
const MAX_INCLUDE_DEPTH = 8;
const MAX_INCLUDED_FILES = 64;

interface WalkState {
  readonly input: LockfileInput;
  readonly visited: Set<string>;
  readonly packages: Map<string, LockedPackage>;
  readonly problems: Problem[];
}

interface FileTally {
  readable: number;
  firstUnreadable?: { readonly line: number; readonly text: string };
}

/** pip requirements files: `name==1.2.3` is pinned, every other specifier is reported as unpinned. */
export const requirementsFormat: LockfileFormat = {
  id: 'python/requirements',
  packageManager: 'pip',
  ecosystem: 'PyPI',
  matches: isRequirementsFileName,
  parse: parseRequirements,
};

export function isRequirementsFileName(fileName: string): boolean {
  if (!fileName.endsWith('.txt')) return false;
  const stem = fileName.slice(0, -'.txt'.length);
  return stem === 'requirements' || stem.startsWith('requirements-') || stem.startsWith('requirements_') || stem.endsWith('-requirements');
}

function parseRequirements(input: LockfileInput): ParsedLockfile {
  if (input.text.includes('\u0000')) throw new LockfileError(`${input.path} is a binary file, not a pip requirements file`);
  const rootName = posix.basename(input.path);
  const state: WalkState = { input, visited: new Set([rootName]), packages: new Map(), problems: [] };
  const tally = readRequirementsText(state, input.text, rootName, 0, undefined);
  if (tally.readable === 0 && tally.firstUnreadable !== undefined) {
    const { line, text } = tally.firstUnreadable;
    throw new LockfileError(`${input.path} has no line pip could read (line ${line}: "${excerpt(text)}")`, line);
  }
  return { packages: [...state.packages.values()], problems: state.problems };
}

/**
 * Read one requirements file. Packages from an included file take the line of the `-r` that pulled
 * them in, since that is where this file declares them.
 */
function readRequirementsText(state: WalkState, text: string, relativePath: string, depth: number, includeLine: number | undefined): FileTally {
  const tally: FileTally = { readable: 0 };
  const file = posix.join(posix.dirname(state.input.path), relativePath);
  for (const logical of joinContinuations(text)) {
    const content = stripComment(logical.text);
    const parsed = readRequirementLine(content);
    const line = includeLine ?? logical.line;
    if (parsed.kind === 'invalid') {
      tally.firstUnreadable ??= { line: logical.line, text: content };
      state.problems.push({
        code: 'unreadable-line',
        message: `${file}:${logical.line}: cannot read requirement "${excerpt(content)}" (${parsed.reason}); the line is skipped`,
        file,
        line: logical.line,
        level: 'warn',
      });
      continue;
    }
    if (content !== '') tally.readable++;
    if (parsed.kind === 'requirement') addPackage(state, parsed.name, parsed.version, parsed.pinned, line);
    else if (parsed.kind === 'include') followInclude(state, { from: relativePath, file, target: parsed.target, line: logical.line, depth, includeLine: line });
  }
  return tally;
}

function addPackage(state: WalkState, name: string, version: string, pinned: boolean, line: number): void {
  const key = `${name}@${version}`;
  if (state.packages.has(key)) return;
  state.packages.set(key, {
    key,
    name,
    version,
    ecosystem: 'PyPI',
    direct: true,
    ...(pinned ? {} : { unpinned: true }),
    line,
    dependsOn: [],
  });
}

interface Include {
  readonly from: string;
  readonly file: string;
  readonly target: string;
  readonly line: number;
  readonly depth: number;
  readonly includeLine: number;
}

function followInclude(state: WalkState, include: Include): void {
  // pip resolves `-r` relative to the file that contains it.
  const target = posix.normalize(posix.join(posix.dirname(include.from), include.target));
  if (state.visited.has(target)) return;
  const warn = (message: string): void => {
    state.problems.push({ code: 'unreadable-include', message: `${include.file}:${include.line}: ${message}`, file: include.file, line: include.line, level: 'warn' });
  };
  if (include.depth + 1 > MAX_INCLUDE_DEPTH || state.visited.size >= MAX_INCLUDED_FILES) {
    warn(`-r ${include.target} not followed: more than ${MAX_INCLUDE_DEPTH} levels or ${MAX_INCLUDED_FILES} files of includes`);
    return;
  }
  state.visited.add(target);
  const text = state.input.readSibling(target);
  if (text === undefined) {
    warn(`cannot read ${include.target}; the requirements it lists are missing from the inventory`);
    return;
  }
  readRequirementsText(state, text, target, include.depth + 1, include.includeLine);
}

/** A line quoted in a message, cut short: the line may be hostile and megabytes long. */
function excerpt(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
