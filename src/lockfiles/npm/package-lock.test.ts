import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LockedPackage, LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { packageLock } from './package-lock.js';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);

/** A fixture lockfile, with the files of its folder readable as siblings. */
function fixture(folder: string, fileName: string): LockfileInput {
  const base = new URL(`${folder}/`, FIXTURES);
  return {
    path: `${folder}/${fileName}`,
    text: readFileSync(new URL(fileName, base), 'utf8'),
    readSibling: (relativePath) => {
      const target = new URL(relativePath, base);
      return existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    },
  };
}

function inline(text: string, siblings: Readonly<Record<string, string>> = {}): LockfileInput {
  return { path: 'package-lock.json', text, readSibling: (relativePath) => siblings[relativePath] };
}

function byKey(packages: readonly LockedPackage[], key: string): LockedPackage {
  const found = packages.find((candidate) => candidate.key === key);
  if (found === undefined) throw new Error(`no package ${key}`);
  return found;
}

const DIRECT_OF_FIXTURE = [
  'node_modules/express',
  'node_modules/is-number',
  'node_modules/lodash',
  'node_modules/minimist',
  'node_modules/mkdirp',
  'node_modules/string-width-cjs',
];

describe('lockfiles/npm/package-lock', () => {
  it('reads the names it owns', () => {
    expect(packageLock.matches('package-lock.json')).toBe(true);
    expect(packageLock.matches('npm-shrinkwrap.json')).toBe(true);
    expect(packageLock.matches('package.json')).toBe(false);
    expect(packageLock.packageManager).toBe('npm');
  });

  // The three fixtures were made by npm from one package.json; all versions must tell the same story.
  describe.each([
    ['v3', 'package-lock-v3', 177],
    ['v2', 'package-lock-v2', 177],
    ['v1', 'package-lock-v1', 114],
  ])('lockfile %s', (_version, folder, expressLine) => {
    const { packages, problems } = packageLock.parse(fixture(folder, 'package-lock.json'));

    it('lists every installed package once, with no problem', () => {
      expect(problems).toEqual([]);
      expect(packages).toHaveLength(60);
      expect(new Set(packages.map((found) => found.key)).size).toBe(60);
      expect(packages.every((found) => found.ecosystem === 'npm')).toBe(true);
    });

    it('tells direct from transitive', () => {
      const direct = packages.filter((found) => found.direct === true).map((found) => found.key);
      expect(direct.sort()).toEqual(DIRECT_OF_FIXTURE);
      expect(byKey(packages, 'node_modules/body-parser').direct).toBe(false);
    });

    it('reads versions, the declaring line and edges', () => {
      const express = byKey(packages, 'node_modules/express');
      expect(express).toMatchObject({ name: 'express', version: '4.17.1', line: expressLine, dev: false });
      expect(express.dependsOn).toHaveLength(30);
      expect(express.dependsOn).toContain('node_modules/body-parser');
      expect(byKey(packages, 'node_modules/lodash').version).toBe('4.17.15');
      expect(byKey(packages, 'node_modules/debug').dependsOn).toEqual(['node_modules/ms']);
    });

    it('resolves a name to the nearest node_modules, as Node does', () => {
      // send needs ms 2.1.1, nested under it; debug gets the hoisted ms 2.0.0.
      expect(byKey(packages, 'node_modules/send').dependsOn).toContain('node_modules/send/node_modules/ms');
      expect(byKey(packages, 'node_modules/send').dependsOn).not.toContain('node_modules/ms');
      expect(byKey(packages, 'node_modules/send/node_modules/ms').version).toBe('2.1.1');
      expect(byKey(packages, 'node_modules/ms').version).toBe('2.0.0');
    });

    it('flags development-only packages', () => {
      expect(byKey(packages, 'node_modules/mkdirp')).toMatchObject({ dev: true, direct: true });
      expect(byKey(packages, 'node_modules/mkdirp/node_modules/minimist')).toMatchObject({ version: '0.0.8', dev: true, direct: false });
      expect(byKey(packages, 'node_modules/mkdirp').dependsOn).toEqual(['node_modules/mkdirp/node_modules/minimist']);
      expect(byKey(packages, 'node_modules/minimist')).toMatchObject({ version: '1.2.0', dev: false, direct: true });
    });

    it('reports an alias as the real package', () => {
      expect(byKey(packages, 'node_modules/string-width-cjs')).toMatchObject({ name: 'string-width', version: '4.2.3', direct: true });
    });
  });

  it('keeps the license npm copied into v2/v3 lockfiles', () => {
    const { packages } = packageLock.parse(fixture('package-lock-v3', 'package-lock.json'));
    expect(byKey(packages, 'node_modules/qs').licenses).toEqual(['BSD-3-Clause']);
  });

  describe('workspaces (npm-shrinkwrap.json)', () => {
    const { packages, problems } = packageLock.parse(fixture('npm-shrinkwrap-workspaces', 'npm-shrinkwrap.json'));

    it('treats workspaces as the project, not as packages', () => {
      expect(problems).toEqual([]);
      expect(packages.map((found) => found.key).sort()).toEqual(['node_modules/debug', 'node_modules/ms', 'packages/util/node_modules/ms']);
    });

    it('takes what each workspace declares as direct', () => {
      // debug comes from packages/app, ms 2.1.3 from packages/util (nested in its folder), ms 2.0.0 from the root.
      expect(packages.every((found) => found.direct === true)).toBe(true);
      expect(byKey(packages, 'packages/util/node_modules/ms').version).toBe('2.1.3');
      // The root's devDependency ms 2.0.0 is also what debug needs at run time, so npm did not flag it dev.
      expect(byKey(packages, 'node_modules/ms').dev).toBe(false);
      expect(byKey(packages, 'node_modules/debug').dependsOn).toEqual(['node_modules/ms']);
    });
  });

  describe('hand-made edge cases', () => {
    it('follows a link to a package inside node_modules and drops links to the project', () => {
      const { packages } = packageLock.parse(
        inline(
          JSON.stringify({
            lockfileVersion: 3,
            packages: {
              '': { dependencies: { a: '1', local: 'file:../local' } },
              'node_modules/a': { version: '1.0.0', dependencies: { b: '1', local: '1' } },
              'node_modules/b': { resolved: 'node_modules/real-b', link: true },
              'node_modules/real-b': { name: 'b', version: '2.0.0' },
              'node_modules/local': { resolved: '../local', link: true },
              '../local': { name: 'local', version: '9.9.9' },
            },
          }),
        ),
      );
      expect(packages.map((found) => found.key).sort()).toEqual(['node_modules/a', 'node_modules/real-b']);
      expect(byKey(packages, 'node_modules/a').dependsOn).toEqual(['node_modules/real-b']);
    });

    it('reads a cyclic pair without looping', () => {
      const { packages } = packageLock.parse(
        inline(
          JSON.stringify({
            lockfileVersion: 3,
            packages: {
              '': { devDependencies: { a: '1' } },
              'node_modules/a': { version: '1.0.0', dev: true, dependencies: { b: '1' } },
              'node_modules/b': { version: '1.0.0', dev: true, dependencies: { a: '1' } },
            },
          }),
        ),
      );
      expect(byKey(packages, 'node_modules/a').dependsOn).toEqual(['node_modules/b']);
      expect(byKey(packages, 'node_modules/b').dependsOn).toEqual(['node_modules/a']);
    });

    it('skips entries without a version and says so', () => {
      const { packages, problems } = packageLock.parse(
        inline(JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': {} } }, null, 2)),
      );
      expect(packages.map((found) => found.key)).toEqual(['node_modules/a']);
      expect(problems).toMatchObject([{ code: 'lockfile-entry-without-version', line: 8 }]);
    });

    it('uses package.json for direct dependencies of a v1 lockfile, and leaves them unknown without it', () => {
      const text = JSON.stringify({ lockfileVersion: 1, dependencies: { a: { version: '1.0.0' }, b: { version: '1.0.0', requires: { a: '1' } } } });
      const withManifest = packageLock.parse(inline(text, { 'package.json': '{"dependencies":{"b":"^1"}}' })).packages;
      expect(byKey(withManifest, 'node_modules/b').direct).toBe(true);
      expect(byKey(withManifest, 'node_modules/a').direct).toBe(false);
      const withoutManifest = packageLock.parse(inline(text)).packages;
      expect(withoutManifest.every((found) => found.direct === undefined)).toBe(true);
      expect(byKey(withoutManifest, 'node_modules/b').dependsOn).toEqual(['node_modules/a']);
    });

    it('reads a project without dependencies as empty', () => {
      expect(packageLock.parse(inline('{"name":"x","lockfileVersion":3,"requires":true,"packages":{"":{"name":"x"}}}')).packages).toEqual([]);
    });
  });

  describe('malformed input', () => {
    function failure(text: string): LockfileError {
      try {
        packageLock.parse(inline(text));
      } catch (error) {
        if (error instanceof LockfileError) return error;
        throw error;
      }
      throw new Error('expected a LockfileError');
    }

    it('names the line of a JSON syntax error', () => {
      const error = failure('{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": {\n      "version": "1.0.0",\n    }\n  }\n}\n');
      expect(error.message).toMatch(/^not valid JSON: .* at line 6, column 5$/);
      expect(error.line).toBe(6);
    });

    it('says where a file is cut short', () => {
      const error = failure('{\n  "lockfileVersion": 3,\n  "packages": {\n');
      expect(error.message).toMatch(/^not valid JSON: .* at line 4, column 1$/);
    });

    it('refuses an empty file and JSON that is not a lockfile', () => {
      expect(failure('').message).toBe('the file is empty');
      expect(failure('  \n').message).toBe('the file is empty');
      expect(failure('[1, 2]').message).toMatch(/not an npm lockfile/);
      expect(failure('{"name": "x"}').message).toMatch(/not an npm lockfile/);
    });

    it('reports entries of the wrong shape and keeps the rest', () => {
      const { packages, problems } = packageLock.parse(inline('{"lockfileVersion":3,"packages":{"":{},"node_modules/a":"nonsense","node_modules/b":{"version":"1.0.0"}}}'));
      expect(packages.map((found) => found.key)).toEqual(['node_modules/b']);
      expect(problems).toMatchObject([{ code: 'lockfile-entry-invalid' }]);
    });
  });

  describe('hostile size', () => {
    it('parses a 100,000-package lockfile in a few seconds', () => {
      const count = 100_000;
      const packagesMap: Record<string, unknown> = { '': { dependencies: { 'pkg-0': '1.0.0' } } };
      for (let index = 0; index < count; index++) {
        // A long chain, plus a nested copy every 1000 packages so resolution walks up folders.
        const entry = { version: '1.0.0', dependencies: { [`pkg-${(index + 1) % count}`]: '1.0.0', shared: '1.0.0' } };
        packagesMap[`node_modules/pkg-${index}`] = entry;
        if (index % 1000 === 0) packagesMap[`node_modules/pkg-${index}/node_modules/shared`] = { version: '2.0.0' };
      }
      packagesMap['node_modules/shared'] = { version: '1.0.0' };
      const text = JSON.stringify({ name: 'big', lockfileVersion: 3, requires: true, packages: packagesMap }, null, 2);
      const started = performance.now();
      const { packages } = packageLock.parse(inline(text));
      const seconds = (performance.now() - started) / 1000;
      expect(packages).toHaveLength(count + count / 1000 + 1);
      expect(seconds).toBeLessThan(10);
      const sample = byKey(packages, 'node_modules/pkg-4242');
      expect(sample.line).toBe(text.split('\n').findIndex((line) => line.includes('"node_modules/pkg-4242"')) + 1);
      expect(sample.dependsOn).toEqual(['node_modules/pkg-4243', 'node_modules/shared']);
      expect(byKey(packages, 'node_modules/pkg-4000').dependsOn).toEqual(['node_modules/pkg-4001', 'node_modules/pkg-4000/node_modules/shared']);
      // The chain closes on itself: the last package depends on the first.
      expect(byKey(packages, `node_modules/pkg-${count - 1}`).dependsOn).toContain('node_modules/pkg-0');
    });

    it('bounds the cost of absurdly deep nesting', () => {
      const deep = `node_modules/x${'/node_modules/x'.repeat(5000)}`;
      const text = JSON.stringify({ lockfileVersion: 3, packages: { '': {}, [deep]: { version: '1.0.0', dependencies: { y: '1' } }, 'node_modules/y': { version: '1.0.0' } } });
      const { packages, problems } = packageLock.parse(inline(text));
      expect(byKey(packages, deep).dependsOn).toEqual(['node_modules/y']);
      expect(problems.map((problem) => problem.code)).toContain('lockfile-nesting-too-deep');
    });
  });
});
