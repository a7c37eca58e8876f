import type { Problem } from '../../core/result.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';

/** `group:artifact:version=configuration,configuration` */
const ENTRY = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)=(\S*)$/;

/** Gradle's dependency lock file (`gradle.lockfile`, one per project since Gradle 6). */
export const gradleLockfileFormat: LockfileFormat = {
  id: 'java/gradle-lockfile',
  packageManager: 'gradle',
  ecosystem: 'Maven',
  matches: (fileName) => fileName === 'gradle.lockfile',
  parse: parseGradleLockfile,
};

function parseGradleLockfile(input: LockfileInput): ParsedLockfile {
  const problems: Problem[] = [];
  const packages = new Map<string, LockedPackage>();
  let readable = 0;
  let firstUnreadable: number | undefined;
  input.text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const lineNumber = index + 1;
    if (line === '' || line.startsWith('#')) return;
    // `empty=conf1,conf2` lists configurations that resolved to nothing.
    if (line.startsWith('empty=')) {
      readable++;
      return;
    }
    const entry = ENTRY.exec(line);
    if (entry === null) {
      firstUnreadable ??= lineNumber;
      problems.push({ code: 'unreadable-line', message: `${input.path}:${lineNumber}: cannot read "${line.length > 120 ? `${line.slice(0, 120)}…` : line}" (expected group:artifact:version=configurations); skipped`, file: input.path, line: lineNumber, level: 'warn' });
      return;
    }
    readable++;
    const [, group = '', artifact = '', version = '', configurations = ''] = entry;
    const name = `${group}:${artifact}`;
    const key = `${name}@${version}`;
    if (packages.has(key)) return;
    packages.set(key, { key, name, version, ecosystem: 'Maven', dev: isTestOnly(configurations), line: lineNumber, dependsOn: [] });
  });
  if (readable === 0 && firstUnreadable !== undefined) {
    throw new LockfileError(`${input.path} is not a Gradle lock file: no line has the form group:artifact:version=configurations (line ${firstUnreadable})`, firstUnreadable);
  }
  return { packages: [...packages.values()], problems };
}

/** Only test configurations (`testCompileClasspath`, `testRuntimeClasspath`…) mean development-only. */
function isTestOnly(configurations: string): boolean {
  const names = configurations.split(',').filter((name) => name !== '');
  return names.length > 0 && names.every((name) => name.startsWith('test'));
}
