import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockedPackage, LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { poetryLockFormat } from './poetry-lock.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

function fixture(caseName: string): LockfileInput {
  const read = (name: string): string | undefined => (name === 'poetry.lock' || name === 'pyproject.toml' ? readFileSync(`${FIXTURES}${caseName}/${name}`, 'utf8') : undefined);
  return { path: 'poetry.lock', text: read('poetry.lock') ?? '', readSibling: read };
}

function names(packages: readonly LockedPackage[], keep: (p: LockedPackage) => boolean): string[] {
  return packages.filter(keep).map((p) => p.name);
}

describe('lockfiles/python/poetry-lock', () => {
  it('Poetry 1.1: dev from category, direct from pyproject, edges from [package.dependencies]', () => {
    const { packages, problems } = poetryLockFormat.parse(fixture('poetry-lock-1.1'));
    expect(problems).toEqual([]);
    expect(packages).toHaveLength(15);
    expect(names(packages, (p) => p.dev === false)).toEqual(['asgiref', 'django', 'pytz', 'pyyaml', 'sqlparse']);
    expect(names(packages, (p) => p.direct === true)).toEqual(['django', 'pytest', 'pyyaml']);
    const django = packages.find((p) => p.name === 'django');
    expect(django).toMatchObject({ version: '3.2', line: 43 });
    expect(django?.dependsOn).toEqual(['asgiref@3.4.1', 'pytz@2021.3', 'sqlparse@0.4.2']);
  });

  it('Poetry 1.8 (lock 2.0): dev from reachability, runtime winning over dev', () => {
    const { packages } = poetryLockFormat.parse(fixture('poetry-lock-2.0'));
    expect(packages).toHaveLength(14);
    expect(names(packages, (p) => p.dev === false)).toEqual(['certifi', 'chardet', 'idna', 'requests', 'urllib3']);
    expect(names(packages, (p) => p.direct === true)).toEqual(['pytest', 'requests', 'responses']);
    const responses = packages.find((p) => p.name === 'responses');
    expect(responses).toMatchObject({ version: '0.10.6', dev: true, line: 142 });
    expect(responses?.dependsOn).toEqual(['requests@2.19.0', 'six@1.16.0']);
  });

  it('Poetry 2: dev from groups, direct from PEP 621 dependencies and Poetry groups', () => {
    const { packages } = poetryLockFormat.parse(fixture('poetry-2'));
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual(['freezegun@1.1.0', 'jinja2@2.10', 'markupsafe@1.1.1', 'python-dateutil@2.8.2', 'six@1.16.0']);
    expect(names(packages, (p) => p.dev === true)).toEqual(['freezegun', 'python-dateutil', 'six']);
    expect(names(packages, (p) => p.direct === true)).toEqual(['freezegun', 'jinja2', 'markupsafe']);
    // `MarkupSafe` in jinja2's dependencies is the locked `markupsafe` (PEP 503 names).
    expect(packages.find((p) => p.name === 'jinja2')?.dependsOn).toEqual(['markupsafe@1.1.1']);
  });

  it('leaves direct and reachability-based dev unknown without pyproject.toml', () => {
    const text = readFileSync(`${FIXTURES}poetry-lock-2.0/poetry.lock`, 'utf8');
    const { packages } = poetryLockFormat.parse({ path: 'poetry.lock', text, readSibling: () => undefined });
    expect(packages.every((p) => p.direct === undefined && p.dev === undefined)).toBe(true);
  });

  it('throws a LockfileError with the line of a TOML syntax error', () => {
    const input: LockfileInput = { path: 'poetry.lock', text: '[[package]]\nname = "django\nversion = "3.2"\n', readSibling: () => undefined };
    expect(() => poetryLockFormat.parse(input)).toThrow(LockfileError);
    expect(() => poetryLockFormat.parse(input)).toThrow(/line 2/);
  });
});
