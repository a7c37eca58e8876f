import type { Problem } from '../../core/result.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';

/** Sections whose `specs:` list gems; PATH gems are the project's own code. */
type SourceKind = 'GEM' | 'GIT' | 'PATH';

interface GemSpec {
  readonly name: string;
  readonly version: string;
  readonly source: SourceKind;
  readonly line: number;
  readonly dependencyNames: string[];
}

interface LockContents {
  readonly specs: Map<string, GemSpec>;
  readonly declared: Set<string>;
  readonly sawSection: boolean;
}

const SOURCE_SECTIONS: ReadonlySet<string> = new Set<SourceKind>(['GEM', 'GIT', 'PATH']);
/** `    name (version)` or `    name (version-platform)`; Bundler splits the platform at the first `-`. */
const SPEC_LINE = /^ {4}([^ ()]+) \(([^()\s]+)\)$/;
const SPEC_DEPENDENCY_LINE = /^ {6}([^ ()]+)(?: \([^()]*\))?$/;
const DECLARED_LINE = /^ {2}([^ ()!]+)!?(?: \([^()]*\))?$/;

/** Bundler's `Gemfile.lock`. */
export const gemfileLockFormat: LockfileFormat = {
  id: 'ruby/gemfile-lock',
  packageManager: 'bundler',
  ecosystem: 'RubyGems',
  matches: (fileName) => fileName === 'Gemfile.lock' || fileName === 'gems.locked',
  parse: parseGemfileLock,
};

function parseGemfileLock(input: LockfileInput): ParsedLockfile {
  const problems: Problem[] = [];
  const contents = readLockContents(input.path, input.text, problems);
  if (!contents.sawSection) throw new LockfileError(`${input.path} is not a Gemfile.lock: it has no GEM, GIT, PATH or DEPENDENCIES section`);
  return { packages: toPackages(contents), problems };
}

function readLockContents(path: string, text: string, problems: Problem[]): LockContents {
  const specs = new Map<string, GemSpec>();
  const declared = new Set<string>();
  let section = '';
  let sawSection = false;
  let current: GemSpec | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const lineNumber = index + 1;
    if (line.startsWith('<<<<<<<') || line.startsWith('>>>>>>>')) {
      throw new LockfileError(`${path}:${lineNumber}: unresolved merge conflict`, lineNumber);
    }
    if (line.trim() === '') return;
    if (!line.startsWith(' ')) {
      section = line.trim();
      sawSection ||= SOURCE_SECTIONS.has(section) || section === 'DEPENDENCIES';
      current = undefined;
      return;
    }
    const unreadable = (): void => {
      problems.push({ code: 'unreadable-line', message: `${path}:${lineNumber}: cannot read "${excerpt(line.trim())}" in ${excerpt(section)}; skipped`, file: path, line: lineNumber, level: 'warn' });
    };
    if (section === 'DEPENDENCIES') {
      const name = DECLARED_LINE.exec(line)?.[1];
      if (name === undefined) unreadable();
      else declared.add(name);
      return;
    }
    if (!SOURCE_SECTIONS.has(section) || /^ {2}\S/.test(line)) return; // `remote:`, `revision:`, `specs:` …
    const spec = SPEC_LINE.exec(line);
    if (spec?.[1] !== undefined && spec[2] !== undefined) {
      current = addSpec(specs, spec[1], spec[2], section as SourceKind, lineNumber);
      return;
    }
    const dependency = SPEC_DEPENDENCY_LINE.exec(line)?.[1];
    if (dependency !== undefined && current !== undefined) current.dependencyNames.push(dependency);
    else unreadable();
  });
  return { specs, declared, sawSection };
}

/** Platform builds of one gem (`nokogiri (1.13.3)`, `nokogiri (1.13.3-x86_64-linux)`) are one package. */
function addSpec(specs: Map<string, GemSpec>, name: string, versionText: string, source: SourceKind, line: number): GemSpec {
  const version = versionText.split('-', 1)[0] ?? versionText;
  const existing = specs.get(name);
  if (existing !== undefined && existing.version === version) return existing;
  const spec: GemSpec = { name, version, source, line, dependencyNames: [] };
  if (existing === undefined) specs.set(name, spec);
  return spec;
}

function toPackages({ specs, declared }: LockContents): LockedPackage[] {
  const keyOf = (spec: GemSpec): string => `${spec.name}@${spec.version}`;
  const local = [...specs.values()].filter((spec) => spec.source === 'PATH');
  // The runtime dependencies of a `gemspec` project are listed under its PATH entry.
  const direct = new Set([...declared, ...local.flatMap((spec) => spec.dependencyNames)]);
  return [...specs.values()]
    .filter((spec) => spec.source !== 'PATH')
    .map((spec) => ({
      key: keyOf(spec),
      name: spec.name,
      version: spec.version,
      ecosystem: 'RubyGems',
      direct: direct.has(spec.name),
      line: spec.line,
      dependsOn: [...new Set(spec.dependencyNames)].flatMap((name) => {
        const target = specs.get(name);
        return target === undefined || target.source === 'PATH' ? [] : [keyOf(target)];
      }),
    }));
}

/** A line quoted in a message, cut short: the line may be hostile and megabytes long. */
function excerpt(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}
