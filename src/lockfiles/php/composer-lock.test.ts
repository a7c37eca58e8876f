import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockedPackage, LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { composerLockFormat } from './composer-lock.js';

const CASE = fileURLToPath(new URL('./__fixtures__/shop-api/', import.meta.url));

function fixture(withManifest: boolean): LockfileInput {
  const read = (name: string): string | undefined => (name === 'composer.lock' || (withManifest && name === 'composer.json') ? readFileSync(`${CASE}${name}`, 'utf8') : undefined);
  return { path: 'api/composer.lock', text: read('composer.lock') ?? '', readSibling: read };
}

function named(packages: readonly LockedPackage[], name: string): LockedPackage | undefined {
  return packages.find((p) => p.name === name);
}

describe('lockfiles/php/composer-lock', () => {
  it('reads packages and packages-dev with versions as written', () => {
    const { packages, problems } = composerLockFormat.parse(fixture(true));
    expect(problems).toEqual([]);
    expect(packages).toHaveLength(23);
    expect(packages.filter((p) => p.dev === true).map((p) => `${p.name}@${p.version}`)).toEqual(['hamcrest/hamcrest-php@v2.0.1', 'mockery/mockery@1.4.4']);
    expect(named(packages, 'symfony/http-kernel')).toMatchObject({ version: 'v5.4.0', dev: false, line: 536, ecosystem: 'Packagist' });
  });

  it('takes direct packages from composer.json require and require-dev', () => {
    const { packages } = composerLockFormat.parse(fixture(true));
    expect(packages.filter((p) => p.direct === true).map((p) => p.name)).toEqual(['guzzlehttp/guzzle', 'symfony/http-kernel', 'mockery/mockery']);
    expect(composerLockFormat.parse(fixture(false)).packages.every((p) => p.direct === undefined)).toBe(true);
  });

  it('turns require into edges, leaving out php, ext-* and lib-* platform packages', () => {
    const { packages } = composerLockFormat.parse(fixture(true));
    expect(named(packages, 'guzzlehttp/guzzle')?.dependsOn).toEqual([
      'guzzlehttp/promises@1.5.1',
      'guzzlehttp/psr7@2.1.0',
      'psr/http-client@1.0.1',
      'symfony/deprecation-contracts@v2.5.0',
    ]);
    expect(named(packages, 'mockery/mockery')?.dependsOn).toEqual(['hamcrest/hamcrest-php@v2.0.1']);
  });

  it('keeps license arrays and finds each package line, not an author line', () => {
    const { packages } = composerLockFormat.parse(fixture(true));
    expect(named(packages, 'guzzlehttp/guzzle')).toMatchObject({ line: 10, licenses: ['MIT'] });
    expect(named(packages, 'mockery/mockery')).toMatchObject({ line: 838, licenses: ['BSD-3-Clause'] });
  });

  it('throws a LockfileError with the line of broken JSON, or for a non-array packages', () => {
    const broken: LockfileInput = { path: 'composer.lock', text: '{\n    "packages": [\n        {\n            "name": "psr/log"\n            "version": "1.1.4"\n', readSibling: () => undefined };
    expect(() => composerLockFormat.parse(broken)).toThrow(LockfileError);
    expect(() => composerLockFormat.parse(broken)).toThrow(/line 5/);
    expect(() => composerLockFormat.parse({ ...broken, text: '{"packages": {"name": "psr/log"}}' })).toThrow(LockfileError);
  });
});
