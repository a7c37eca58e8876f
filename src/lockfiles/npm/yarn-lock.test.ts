import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LockedPackage, LockfileFormat, LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { yarnBerry } from './yarn-berry.js';
import { yarnClassic } from './yarn-classic.js';
import { yarnLock } from './yarn-lock.js';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);

/** A fixture yarn.lock, with the files of its folder (package.json, workspaces) readable as siblings. */
function fixture(folder: string): LockfileInput {
  const base = new URL(`${folder}/`, FIXTURES);
  return {
    path: `${folder}/yarn.lock`,
    text: readFileSync(new URL('yarn.lock', base), 'utf8'),
    readSibling: (relativePath) => {
      const target = new URL(relativePath, base);
      return existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    },
  };
}

function inline(text: string, siblings: Readonly<Record<string, string>> = {}): LockfileInput {
  return { path: 'yarn.lock', text, readSibling: (relativePath) => siblings[relativePath] };
}

function byKey(packages: readonly LockedPackage[], key: string): LockedPackage {
  const found = packages.find((candidate) => candidate.key === key);
  if (found === undefined) throw new Error(`no package ${key}`);
  return found;
}

function failure(format: LockfileFormat, input: LockfileInput): LockfileError {
  try {
    format.parse(input);
  } catch (error) {
    if (error instanceof LockfileError) return error;
    throw error;
  }
  throw new Error('expected a LockfileError');
}

const DIRECT_OF_FIXTURE = ['express@4.17.1', 'is-number@7.0.0', 'lodash@4.17.15', 'minimist@1.2.0', 'mkdirp@0.5.1', 'string-width@4.2.3'];

describe('lockfiles/npm/yarn-lock', () => {
  it('claims yarn.lock for the yarn package manager', () => {
    for (const format of [yarnLock, yarnClassic, yarnBerry]) {
      expect(format.matches('yarn.lock')).toBe(true);
      expect(format.matches('package-lock.json')).toBe(false);
      expect(format.packageManager).toBe('yarn');
    }
    expect(yarnLock.id).toBe('yarn');
  });

  // Both fixtures were made by the real Yarn (1 and 4) from the same package.json.
  describe.each([
    ['classic', 'yarn-classic', 108],
    ['berry', 'yarn-berry', 161],
  ])('Yarn %s', (_variant, folder, expressLine) => {
    const { packages, problems } = yarnLock.parse(fixture(folder));

    it('lists every locked package, and not the project itself', () => {
      expect(problems).toEqual([]);
      expect(packages).toHaveLength(62);
      expect(packages.some((found) => found.name === 'bulwark-fixture')).toBe(false);
    });

    it('takes direct dependencies and dev scope from package.json', () => {
      const direct = packages.filter((found) => found.direct === true).map((found) => found.key);
      expect(direct.sort()).toEqual(DIRECT_OF_FIXTURE);
      expect(byKey(packages, 'mkdirp@0.5.1').dev).toBe(true);
      expect(byKey(packages, 'minimist@0.0.8')).toMatchObject({ dev: true, direct: false });
      expect(byKey(packages, 'minimist@1.2.0').dev).toBe(false);
      expect(byKey(packages, 'is-number@7.0.0').dev).toBe(false);
      expect(byKey(packages, 'body-parser@1.19.0')).toMatchObject({ direct: false, dev: false });
    });

    it('resolves dependency ranges to locked versions', () => {
      const express = byKey(packages, 'express@4.17.1');
      expect(express.line).toBe(expressLine);
      expect(express.dependsOn).toHaveLength(30);
      expect(express.dependsOn).toContain('body-parser@1.19.0');
      // send asks for ms 2.1.1 and http-errors ~1.7.2, which Yarn locked at 1.7.3.
      expect(byKey(packages, 'send@0.17.1').dependsOn).toEqual(expect.arrayContaining(['ms@2.1.1', 'http-errors@1.7.3']));
      expect(byKey(packages, 'debug@2.6.9').dependsOn).toEqual(['ms@2.0.0']);
    });

    it('reports an alias as the real package', () => {
      expect(byKey(packages, 'string-width@4.2.3')).toMatchObject({ name: 'string-width', direct: true });
      expect(packages.some((found) => found.name === 'string-width-cjs')).toBe(false);
    });
  });

  describe('workspaces', () => {
    it('reads each listed workspace package.json (classic)', () => {
      const { packages, problems } = yarnLock.parse(fixture('yarn-classic-workspaces'));
      expect(problems).toEqual([]);
      expect(packages).toHaveLength(13);
      const direct = packages.filter((found) => found.direct === true).map((found) => found.key);
      expect(direct.sort()).toEqual(['debug@2.6.9', 'ms@2.0.0', 'ms@2.1.3', 'react@18.2.0', 'resolve@1.22.8', 'use-sync-external-store@1.2.0']);
      // ms 2.0.0 is the root's devDependency but debug needs it at run time.
      expect(byKey(packages, 'ms@2.0.0')).toMatchObject({ dev: false, line: 43 });
    });

    it('treats @workspace: entries as the project and merges a patch with its package (berry)', () => {
      const { packages, problems } = yarnLock.parse(fixture('yarn-berry-workspaces'));
      expect(problems).toEqual([]);
      expect(packages).toHaveLength(13);
      expect(packages.some((found) => found.name.startsWith('@fixture/') || found.name === 'mono-root')).toBe(false);
      const resolve = packages.filter((found) => found.name === 'resolve');
      expect(resolve).toHaveLength(1);
      expect(resolve[0]).toMatchObject({ version: '1.22.8', line: 118, direct: true, dev: false });
      expect(byKey(packages, 'ms@2.0.0')).toMatchObject({ direct: true, dev: false });
    });

    it('takes packages nothing depends on as direct when workspaces are globs (classic)', () => {
      const lock = '# yarn lockfile v1\n\na@^1:\n  version "1.0.0"\n  dependencies:\n    b "^1"\n\nb@^1:\n  version "1.0.0"\n\nc@^2:\n  version "2.0.0"\n';
      const { packages, problems } = yarnClassic.parse(inline(lock, { 'package.json': '{"workspaces":["packages/*"],"devDependencies":{"a":"^1"}}' }));
      expect(byKey(packages, 'c@2.0.0').direct).toBe(true);
      expect(byKey(packages, 'a@1.0.0')).toMatchObject({ direct: true });
      // b may also be declared by a workspace that could not be read: neither direct nor dev can be told.
      expect(byKey(packages, 'b@1.0.0').direct).toBeUndefined();
      expect(byKey(packages, 'b@1.0.0').dev).toBeUndefined();
      expect(problems.map((problem) => problem.code)).toEqual(['workspaces-not-read']);
    });
  });

  describe('hand-made edge cases', () => {
    it('leaves direct and dev unknown without a package.json (classic)', () => {
      const { packages } = yarnClassic.parse(inline('# yarn lockfile v1\n\n"@babel/core@^7.0.0", "@babel/core@^7.1.0":\n  version "7.1.2"\n'));
      expect(packages).toEqual([{ key: '@babel/core@7.1.2', name: '@babel/core', version: '7.1.2', ecosystem: 'npm', line: 3, dependsOn: [] }]);
    });

    it('reads a cyclic pair without looping (classic and berry)', () => {
      const classic = yarnClassic.parse(inline('a@1:\n  version "1.0.0"\n  dependencies:\n    b "1"\n\nb@1:\n  version "1.0.0"\n  dependencies:\n    a "1"\n', { 'package.json': '{"devDependencies":{"a":"1"}}' }));
      expect(byKey(classic.packages, 'a@1.0.0').dependsOn).toEqual(['b@1.0.0']);
      expect(byKey(classic.packages, 'b@1.0.0')).toMatchObject({ dependsOn: ['a@1.0.0'], dev: true });
      const berry = yarnBerry.parse(
        inline('__metadata:\n  version: 8\n\n"a@npm:1":\n  version: 1.0.0\n  resolution: "a@npm:1.0.0"\n  dependencies:\n    b: "npm:1"\n\n"b@npm:1":\n  version: 1.0.0\n  resolution: "b@npm:1.0.0"\n  dependencies:\n    a: "npm:1"\n'),
      );
      expect(byKey(berry.packages, 'b@1.0.0').dependsOn).toEqual(['a@1.0.0']);
    });

    it('finds dependencies written without the default npm: protocol (older Berry files)', () => {
      const { packages } = yarnBerry.parse(
        inline('__metadata:\n  version: 4\n\n"a@npm:^1.0.0":\n  version: 1.2.0\n  resolution: "a@npm:1.2.0"\n  dependencies:\n    b: ^2.0.0\n\n"b@npm:^2.0.0":\n  version: 2.0.1\n  resolution: "b@npm:2.0.1"\n'),
      );
      expect(byKey(packages, 'a@1.2.0').dependsOn).toEqual(['b@2.0.1']);
    });
  });

  describe('malformed input', () => {
    it('refuses the other Yarn variant with a clear message', () => {
      expect(failure(yarnClassic, fixture('yarn-berry')).message).toMatch(/Yarn Berry \(v2\+\) format, not Yarn classic/);
      expect(failure(yarnBerry, fixture('yarn-classic')).message).toMatch(/Yarn classic \(v1\) format, not Yarn Berry/);
    });

    it('refuses an empty file and one with no entries', () => {
      expect(failure(yarnLock, inline('')).message).toBe('the file is empty');
      expect(failure(yarnLock, inline('{"not": "a yarn.lock"}\n')).message).toBe('not a yarn.lock: no entries found');
    });

    it('reads a lockfile of a project without dependencies as empty', () => {
      expect(yarnLock.parse(inline('# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n')).packages).toEqual([]);
    });

    it('reports lines out of form and entries without a version, and keeps the rest', () => {
      const { packages, problems } = yarnClassic.parse(inline('a@1:\n  version "1.0.0"\n   misaligned "x"\n\nb@1:\n  resolved "https://example.test/b.tgz"\n'));
      expect(packages.map((found) => found.key)).toEqual(['a@1.0.0']);
      expect(problems.map((problem) => [problem.code, problem.line])).toEqual([
        ['lockfile-line-unreadable', 3],
        ['lockfile-entry-without-version', 5],
      ]);
    });
  });
});
