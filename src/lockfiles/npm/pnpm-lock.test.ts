import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LockedPackage, LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { pnpmLock } from './pnpm-lock.js';

const FIXTURES = new URL('./__fixtures__/', import.meta.url);

/** pnpm lockfiles say everything themselves: no sibling file is read. */
function fixture(folder: string): LockfileInput {
  return { path: `${folder}/pnpm-lock.yaml`, text: readFileSync(new URL(`${folder}/pnpm-lock.yaml`, FIXTURES), 'utf8'), readSibling: () => undefined };
}

function inline(text: string): LockfileInput {
  return { path: 'pnpm-lock.yaml', text, readSibling: () => undefined };
}

function byKey(packages: readonly LockedPackage[], key: string): LockedPackage {
  const found = packages.find((candidate) => candidate.key === key);
  if (found === undefined) throw new Error(`no package ${key}`);
  return found;
}

function failure(text: string): LockfileError {
  try {
    pnpmLock.parse(inline(text));
  } catch (error) {
    if (error instanceof LockfileError) return error;
    throw error;
  }
  throw new Error('expected a LockfileError');
}

const DIRECT_OF_FIXTURE = ['express@4.17.1', 'is-number@7.0.0', 'lodash@4.17.15', 'minimist@1.2.0', 'mkdirp@0.5.1', 'string-width@4.2.3'];

describe('lockfiles/npm/pnpm-lock', () => {
  it('claims pnpm-lock.yaml', () => {
    expect(pnpmLock.matches('pnpm-lock.yaml')).toBe(true);
    expect(pnpmLock.matches('pnpm-workspace.yaml')).toBe(false);
    expect(pnpmLock.packageManager).toBe('pnpm');
  });

  // pnpm 9, 8 and 7 made these from one package.json: lockfile versions 9.0, 6.0 and 5.4.
  describe.each([
    ['9.0', 'pnpm-v9', 100],
    ['6.0', 'pnpm-v6', 136],
    ['5.4', 'pnpm-v5', 128],
  ])('lockfile %s', (_version, folder, expressLine) => {
    const { packages, problems } = pnpmLock.parse(fixture(folder));

    it('lists every package once', () => {
      expect(problems).toEqual([]);
      expect(packages).toHaveLength(62);
    });

    it('tells direct from transitive and dev from runtime', () => {
      const direct = packages.filter((found) => found.direct === true).map((found) => found.key);
      expect(direct.sort()).toEqual(DIRECT_OF_FIXTURE);
      expect(byKey(packages, 'mkdirp@0.5.1').dev).toBe(true);
      expect(byKey(packages, 'minimist@0.0.8')).toMatchObject({ dev: true, direct: false });
      expect(byKey(packages, 'minimist@1.2.0').dev).toBe(false);
      expect(byKey(packages, 'qs@6.7.0')).toMatchObject({ dev: false, direct: false });
    });

    it('reads the declaring line and the edges', () => {
      const express = byKey(packages, 'express@4.17.1');
      expect(express.line).toBe(expressLine);
      expect(express.dependsOn).toHaveLength(30);
      expect(express.dependsOn).toContain('body-parser@1.19.0');
      expect(byKey(packages, 'send@0.17.1').dependsOn).toEqual(expect.arrayContaining(['ms@2.1.1', 'http-errors@1.7.3']));
      expect(byKey(packages, 'mkdirp@0.5.1').dependsOn).toEqual(['minimist@0.0.8']);
    });

    it('reports an alias as the real package', () => {
      expect(byKey(packages, 'string-width@4.2.3')).toMatchObject({ name: 'string-width', direct: true });
      expect(packages.some((found) => found.name === 'string-width-cjs')).toBe(false);
    });
  });

  describe.each([['pnpm-v9-workspaces'], ['pnpm-v6-workspaces'], ['pnpm-v5-workspaces']])('%s', (folder) => {
    const { packages, problems } = pnpmLock.parse(fixture(folder));

    it('takes every importer as the project and its dependencies as direct', () => {
      expect(problems).toEqual([]);
      expect(packages).toHaveLength(13);
      expect(packages.some((found) => found.name.startsWith('@fixture/'))).toBe(false);
      const direct = packages.filter((found) => found.direct === true).map((found) => found.key);
      expect(direct.sort()).toEqual(['debug@2.6.9', 'ms@2.0.0', 'ms@2.1.3', 'react@18.2.0', 'resolve@1.22.8', 'use-sync-external-store@1.2.0']);
    });

    it('maps a peer-suffixed key to the plain version, keeping the peer edge', () => {
      expect(byKey(packages, 'use-sync-external-store@1.2.0')).toMatchObject({ version: '1.2.0', dependsOn: ['react@18.2.0'] });
    });

    it('does not call a root devDependency dev when a runtime package needs it', () => {
      expect(byKey(packages, 'ms@2.0.0').dev).toBe(false);
      expect(byKey(packages, 'debug@2.6.9').dependsOn).toEqual(['ms@2.0.0']);
    });
  });

  describe('hand-made edge cases', () => {
    it('merges the peer variants of one version into one package', () => {
      const { packages } = pnpmLock.parse(
        inline(
          [
            "lockfileVersion: '9.0'",
            'importers:',
            '  .:',
            '    dependencies:',
            '      a:',
            '        specifier: ^1.0.0',
            '        version: 1.0.0(react@17.0.2)',
            '      b:',
            '        specifier: ^1.0.0',
            '        version: 1.0.0(react@18.2.0)',
            'packages:',
            "  '@scope/a@1.0.0':",
            '    resolution: {integrity: sha512-x}',
            '  react@17.0.2:',
            '    resolution: {integrity: sha512-x}',
            '  react@18.2.0:',
            '    resolution: {integrity: sha512-x}',
            'snapshots:',
            "  '@scope/a@1.0.0(react@17.0.2)':",
            '    dependencies:',
            '      react: 17.0.2',
            "  '@scope/a@1.0.0(react@18.2.0)':",
            '    dependencies:',
            '      react: 18.2.0',
            '  react@17.0.2: {}',
            '  react@18.2.0: {}',
          ].join('\n'),
        ),
      );
      expect(packages.map((found) => found.key).sort()).toEqual(['@scope/a@1.0.0', 'react@17.0.2', 'react@18.2.0']);
      expect(byKey(packages, '@scope/a@1.0.0')).toMatchObject({ name: '@scope/a', line: 12 });
      expect([...byKey(packages, '@scope/a@1.0.0').dependsOn].sort()).toEqual(['react@17.0.2', 'react@18.2.0']);
    });

    it('reads a cyclic pair without looping', () => {
      const { packages } = pnpmLock.parse(
        inline("lockfileVersion: '9.0'\nimporters:\n  .:\n    devDependencies:\n      a:\n        specifier: '1'\n        version: 1.0.0\npackages:\n  a@1.0.0: {}\n  b@1.0.0: {}\nsnapshots:\n  a@1.0.0:\n    dependencies:\n      b: 1.0.0\n  b@1.0.0:\n    dependencies:\n      a: 1.0.0\n"),
      );
      expect(byKey(packages, 'a@1.0.0')).toMatchObject({ dependsOn: ['b@1.0.0'], dev: true, direct: true });
      expect(byKey(packages, 'b@1.0.0')).toMatchObject({ dependsOn: ['a@1.0.0'], dev: true, direct: false });
    });

    it('takes name and version fields of packages not from the registry', () => {
      const { packages } = pnpmLock.parse(
        inline("lockfileVersion: '6.0'\ndependencies:\n  tool:\n    specifier: github:org/tool\n    version: github.com/org/tool/0123abc\npackages:\n  github.com/org/tool/0123abc:\n    resolution: {tarball: https://codeload.github.com/org/tool/tar.gz/0123abc}\n    name: tool\n    version: 2.1.0\n    dev: false\n"),
      );
      expect(packages).toEqual([{ key: 'tool@2.1.0', name: 'tool', version: '2.1.0', ecosystem: 'npm', direct: true, dev: false, line: 7, dependsOn: [] }]);
    });

    it('skips the continuation lines of long values', () => {
      const { packages } = pnpmLock.parse(
        inline(
          [
            "lockfileVersion: '9.0'",
            'packages:',
            '  a@1.0.0:',
            "    deprecated: 'this message goes on",
            "      over two lines: really'",
            '  b@1.0.0:',
            '    deprecated: >-',
            '      folded text: with a colon',
            '    cpu: [x64,',
            '      arm64]',
          ].join('\n'),
        ),
      );
      expect(packages.map((found) => [found.key, found.line])).toEqual([
        ['a@1.0.0', 3],
        ['b@1.0.0', 6],
      ]);
    });

    it('keeps the last document of a two-document lockfile', () => {
      const { packages } = pnpmLock.parse(inline("---\nlockfileVersion: '9.0'\nimporters: {}\n---\nlockfileVersion: '9.0'\npackages:\n  a@1.0.0: {}\n"));
      expect(packages.map((found) => found.key)).toEqual(['a@1.0.0']);
    });
  });

  describe('malformed input', () => {
    it('refuses an empty file and YAML that is not a pnpm lockfile', () => {
      expect(failure('').message).toBe('the file is empty');
      expect(failure('name: something\n').message).toMatch(/no lockfileVersion/);
    });

    it('names the line that breaks the format', () => {
      const error = failure("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    'unterminated: x\n");
      expect(error.line).toBe(4);
      expect(error.message).toMatch(/line 4/);
      expect(failure("lockfileVersion: '9.0'\npackages:\n  just some words\n").line).toBe(3);
      expect(failure("lockfileVersion: '9.0'\n\tpackages:\n").message).toMatch(/tab/);
    });

    it('skips a package key it cannot read and says so', () => {
      const { packages, problems } = pnpmLock.parse(inline("lockfileVersion: '9.0'\npackages:\n  nonsense: {}\n  a@1.0.0: {}\n"));
      expect(packages.map((found) => found.key)).toEqual(['a@1.0.0']);
      expect(problems).toMatchObject([{ code: 'lockfile-entry-without-version', line: 3 }]);
    });

    it('takes a __proto__ key as a plain key', () => {
      const { packages } = pnpmLock.parse(inline("lockfileVersion: '9.0'\npackages:\n  __proto__:\n    polluted: true\n  a@1.0.0: {}\n"));
      expect(packages.map((found) => found.key)).toEqual(['a@1.0.0']);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });

  it('parses a 100,000-package lockfile in a few seconds', () => {
    const count = 100_000;
    const parts = ["lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      pkg-0:\n        specifier: 1.0.0\n        version: 1.0.0\n\npackages:\n\n"];
    for (let index = 0; index < count; index++) parts.push(`  pkg-${index}@1.0.0:\n    resolution: {integrity: sha512-${'x'.repeat(86)}==}\n\n`);
    parts.push('snapshots:\n\n');
    for (let index = 0; index < count; index++) parts.push(`  pkg-${index}@1.0.0:\n    dependencies:\n      pkg-${(index + 1) % count}: 1.0.0\n\n`);
    const started = performance.now();
    const { packages } = pnpmLock.parse(inline(parts.join('')));
    expect((performance.now() - started) / 1000).toBeLessThan(10);
    expect(packages).toHaveLength(count);
    // Each package takes three lines after the 13 lines before the first one.
    expect(byKey(packages, 'pkg-10@1.0.0')).toMatchObject({ line: 13 + 10 * 3, dependsOn: ['pkg-11@1.0.0'] });
    expect(byKey(packages, 'pkg-99999@1.0.0').dev).toBe(false);
  });
});
