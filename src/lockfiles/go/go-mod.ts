import type { Problem } from '../../core/result.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import type { GoDirective } from './go-mod-syntax.js';
import { readGoDirectives } from './go-mod-syntax.js';

interface Requirement {
  readonly path: string;
  readonly version: string;
  readonly indirect: boolean;
  readonly line: number;
}

interface Replacement {
  readonly oldPath: string;
  readonly oldVersion?: string;
  /** Undefined version: the replacement is a directory on disk, not a module release. */
  readonly newPath: string;
  readonly newVersion?: string;
}

interface GoModule {
  readonly requirements: readonly Requirement[];
  readonly replacements: readonly Replacement[];
  readonly excluded: ReadonlySet<string>;
  readonly goDirective?: { readonly version: string; readonly line: number };
}

/** Directives that name no dependency Bulwark needs. */
const IGNORED_VERBS = new Set(['module', 'toolchain', 'godebug', 'retract', 'tool', 'ignore']);

/** Go's `go.mod` (modules and the standard library), checked against `go.sum` beside it. */
export const goModFormat: LockfileFormat = {
  id: 'go/go-mod',
  packageManager: 'go',
  ecosystem: 'Go',
  matches: (fileName) => fileName === 'go.mod',
  parse: parseGoMod,
};

function parseGoMod(input: LockfileInput): ParsedLockfile {
  const directives = readGoDirectives(input.text, input.path);
  if (!directives.some((directive) => directive.verb === 'module')) {
    throw new LockfileError(`${input.path} has no "module" directive; Go does not accept it as a go.mod`);
  }
  const problems: Problem[] = [];
  const module = collectDirectives(input.path, directives, problems);
  const packages = resolveRequirements(input.path, module, problems);
  if (module.goDirective !== undefined) packages.push(standardLibrary(module.goDirective));
  checkGoSum(input, packages, problems);
  return { packages, problems };
}

function collectDirectives(path: string, directives: readonly GoDirective[], problems: Problem[]): GoModule {
  const requirements: Requirement[] = [];
  const replacements: Replacement[] = [];
  const excluded = new Set<string>();
  let goDirective: GoModule['goDirective'];
  const unreadable = (directive: GoDirective, expected: string): void => {
    problems.push({
      code: 'unreadable-line',
      message: `${path}:${directive.line}: cannot read "${excerpt(`${directive.verb} ${directive.args.join(' ')}`)}" (expected ${expected}); the line is skipped`,
      file: path,
      line: directive.line,
      level: 'warn',
    });
  };
  for (const directive of directives) {
    const [first, second] = directive.args;
    if (directive.verb === 'require') {
      if (directive.args.length !== 2 || first === undefined || second === undefined) unreadable(directive, 'a module path and version');
      else requirements.push({ path: first, version: second, indirect: isIndirectComment(directive.comment), line: directive.line });
    } else if (directive.verb === 'replace') {
      const replacement = readReplacement(directive.args);
      if (replacement === undefined) unreadable(directive, 'old [version] => new [version]');
      else replacements.push(replacement);
    } else if (directive.verb === 'exclude') {
      if (directive.args.length !== 2) unreadable(directive, 'a module path and version');
      else excluded.add(`${first ?? ''}@${second ?? ''}`);
    } else if (directive.verb === 'go') {
      if (first === undefined) unreadable(directive, 'a Go version');
      else goDirective = { version: first, line: directive.line };
    } else if (!IGNORED_VERBS.has(directive.verb)) {
      unreadable(directive, 'a go.mod directive');
    }
  }
  return { requirements, replacements, excluded, ...(goDirective === undefined ? {} : { goDirective }) };
}

/** `// indirect` or `// indirect; other text`, as the go command writes and reads it. */
function isIndirectComment(comment: string): boolean {
  return comment === 'indirect' || comment.startsWith('indirect;');
}

function readReplacement(args: readonly string[]): Replacement | undefined {
  const arrow = args.indexOf('=>');
  const left = args.slice(0, arrow);
  const right = args.slice(arrow + 1);
  const [oldPath, oldVersion] = left;
  const [newPath, newVersion] = right;
  if (arrow < 0 || oldPath === undefined || newPath === undefined || left.length > 2 || right.length > 2) return undefined;
  return { oldPath, ...(oldVersion === undefined ? {} : { oldVersion }), newPath, ...(newVersion === undefined ? {} : { newVersion }) };
}

function resolveRequirements(path: string, module: GoModule, problems: Problem[]): LockedPackage[] {
  const packages = new Map<string, LockedPackage>();
  for (const requirement of module.requirements) {
    if (module.excluded.has(`${requirement.path}@${requirement.version}`)) {
      problems.push({
        code: 'excluded-version',
        message: `${path}:${requirement.line}: ${requirement.path} ${requirement.version} is both required and excluded; Go uses a later version this file does not name, so it is left out`,
        file: path,
        line: requirement.line,
        level: 'info',
      });
      continue;
    }
    // A versioned replace wins over one for every version of the module, as in the go command.
    const replacement =
      module.replacements.find((r) => r.oldPath === requirement.path && r.oldVersion === requirement.version) ??
      module.replacements.find((r) => r.oldPath === requirement.path && r.oldVersion === undefined);
    if (replacement !== undefined && replacement.newVersion === undefined) continue;
    const name = replacement?.newPath ?? requirement.path;
    const version = replacement?.newVersion ?? requirement.version;
    const key = `${name}@${version}`;
    if (packages.has(key)) continue;
    packages.set(key, { key, name, version, ecosystem: 'Go', direct: !requirement.indirect, line: requirement.line, dependsOn: [] });
  }
  return [...packages.values()];
}

/**
 * OSV lists Go standard-library advisories under the module `stdlib`, with versions without `v`.
 * `go 1.20` names the release 1.20.0, so a two-part version gets its `.0`.
 */
function standardLibrary(goDirective: { readonly version: string; readonly line: number }): LockedPackage {
  const version = /^\d+\.\d+$/.test(goDirective.version) ? `${goDirective.version}.0` : goDirective.version;
  return { key: `stdlib@${version}`, name: 'stdlib', version, ecosystem: 'Go', direct: true, line: goDirective.line, dependsOn: [] };
}

/** A module go.mod requires but go.sum does not list means the two files disagree (`go mod tidy`). */
function checkGoSum(input: LockfileInput, packages: readonly LockedPackage[], problems: Problem[]): void {
  const goSum = input.readSibling('go.sum');
  if (goSum === undefined) return;
  const listed = new Set<string>();
  for (const line of goSum.split('\n')) {
    const [path, version] = line.trim().split(/\s+/);
    if (path !== undefined && version !== undefined) listed.add(`${path}@${version.replace(/\/go\.mod$/, '')}`);
  }
  for (const pkg of packages) {
    if (pkg.name === 'stdlib' || listed.has(pkg.key)) continue;
    problems.push({
      code: 'missing-go-sum-entry',
      message: `${pkg.line === undefined ? input.path : `${input.path}:${pkg.line}`}: ${pkg.name} ${pkg.version} is required but go.sum has no entry for it; run "go mod tidy"`,
      file: input.path,
      ...(pkg.line === undefined ? {} : { line: pkg.line }),
      level: 'info',
    });
  }
}

/** A line quoted in a message, cut short: the line may be hostile and megabytes long. */
function excerpt(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
