import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockedPackage, LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { pipfileLockFormat } from './pipfile-lock.js';

const CASE = fileURLToPath(new URL('./__fixtures__/pipfile-lock/', import.meta.url));

function fixture(withSiblings: boolean): LockfileInput {
  const read = (name: string): string | undefined => (name === 'Pipfile.lock' || (withSiblings && name === 'Pipfile') ? readFileSync(`${CASE}${name}`, 'utf8') : undefined);
  return { path: 'Pipfile.lock', text: read('Pipfile.lock') ?? '', readSibling: read };
}

function byName(packages: readonly LockedPackage[], name: string): LockedPackage {
  const found = packages.find((p) => p.name === name);
  if (found === undefined) throw new Error(`${name} not parsed`);
  return found;
}

describe('lockfiles/python/pipfile-lock', () => {
  it('reads default and develop packages with exact versions, skipping the editable project', () => {
    const { packages, problems } = pipfileLockFormat.parse(fixture(true));
    expect(problems).toEqual([]);
    expect(packages).toHaveLength(17);
    expect(packages.filter((p) => p.dev === false).map((p) => `${p.name}@${p.version}`)).toEqual([
      'asgiref@3.4.1',
      'certifi@2021.10.8',
      'chardet@3.0.4',
      'django@3.2',
      'idna@2.7',
      'pytz@2021.3',
      'requests@2.19.0',
      'sqlparse@0.4.2',
      'urllib3@1.23',
    ]);
    expect(packages.filter((p) => p.dev === true)).toHaveLength(8);
    expect(packages.some((p) => p.name === 'webshop')).toBe(false);
  });

  it('marks the Pipfile entries as direct and gives each package its line', () => {
    const { packages } = pipfileLockFormat.parse(fixture(true));
    expect(packages.filter((p) => p.direct === true).map((p) => p.name)).toEqual(['django', 'requests', 'pytest']);
    expect(byName(packages, 'django').line).toBe(41);
    expect(byName(packages, 'pytest')).toMatchObject({ version: '6.2.5', dev: true, line: 139 });
    expect(byName(packages, 'urllib3').line).toBe(79);
  });

  it('leaves direct unknown without a Pipfile', () => {
    const { packages } = pipfileLockFormat.parse(fixture(false));
    expect(packages.every((p) => p.direct === undefined)).toBe(true);
  });

  it('warns about a broken Pipfile and still reads the lockfile', () => {
    const lock = fixture(false);
    const { packages, problems } = pipfileLockFormat.parse({ ...lock, readSibling: (name) => (name === 'Pipfile' ? '[packages\ndjango = "*"\n' : undefined) });
    expect(packages).toHaveLength(17);
    expect(problems).toMatchObject([{ code: 'unreadable-manifest', file: 'Pipfile', level: 'warn' }]);
  });

  it('throws a LockfileError naming the line of broken JSON', () => {
    const input: LockfileInput = { path: 'Pipfile.lock', text: '{\n    "default": {\n        "django": {\n            "version": "==3.2",,\n', readSibling: () => undefined };
    expect(() => pipfileLockFormat.parse(input)).toThrow(LockfileError);
    try {
      pipfileLockFormat.parse(input);
    } catch (error) {
      expect((error as LockfileError).line).toBe(4);
    }
  });
});
