import { describe, expect, it } from 'vitest';
import type { Package } from '../../core/inventory.js';
import { compareText, componentProperties, mergePackages, splitPackageName } from './components.js';

function pkg(overrides: Partial<Package> & Pick<Package, 'name' | 'purl'>): Package {
  return { ecosystem: 'npm', version: '1.0.0', locations: [], dependsOn: [], ...overrides };
}

describe('formats/cyclonedx/components', () => {
  // Group/name as each ecosystem's own naming defines it; a Go module path is one name.
  it.each([
    ['npm', '@babel/core', { group: '@babel', name: 'core' }],
    ['npm', 'lodash', { name: 'lodash' }],
    ['Maven', 'org.apache.logging.log4j:log4j-core', { group: 'org.apache.logging.log4j', name: 'log4j-core' }],
    ['Packagist', 'monolog/monolog', { group: 'monolog', name: 'monolog' }],
    ['Go', 'github.com/gorilla/mux', { name: 'github.com/gorilla/mux' }],
    ['PyPI', 'requests', { name: 'requests' }],
    ['Maven', 'no-colon', { name: 'no-colon' }],
    ['npm', '@broken', { name: '@broken' }],
    ['npm', '@scope/', { name: '@scope/' }],
  ])('splits %s %j', (ecosystem, name, expected) => {
    expect(splitPackageName(ecosystem, name)).toEqual(expected);
  });

  it('sorts by code unit, not by locale', () => {
    const purls = ['pkg:npm/b@1', 'pkg:npm/B@1', 'pkg:npm/%40a/x@1', 'pkg:npm/a@1'];
    expect([...purls].sort(compareText)).toEqual(['pkg:npm/%40a/x@1', 'pkg:npm/B@1', 'pkg:npm/a@1', 'pkg:npm/b@1']);
  });

  it('folds every occurrence of a purl into one entry', () => {
    const merged = mergePackages({
      packages: [
        pkg({ name: 'ms', purl: 'pkg:npm/ms@2.1.2', version: '2.1.2', direct: false, dev: false, licenses: ['MIT'], locations: [{ file: 'b/package-lock.json', line: 9 }], path: [{ name: 'debug', version: '4.3.4' }], via: { name: 'debug', version: '4.3.4' } }),
        pkg({ name: 'ms', purl: 'pkg:npm/ms@2.1.2', version: '2.1.2', direct: true, dev: true, licenses: ['MIT', 'ISC'], locations: [{ file: 'a/package-lock.json', line: 3 }, { file: 'a/package-lock.json', line: 1 }] }),
      ],
      dependencyFiles: [{ path: 'c/yarn.lock', packageManager: 'yarn', packages: ['pkg:npm/ms@2.1.2'] }],
    });
    expect(merged).toHaveLength(1);
    const [ms] = merged;
    expect(ms?.direct).toBe(true);
    // Runtime in one project makes it runtime overall.
    expect(ms?.dev).toBe(false);
    expect(ms?.licenses).toEqual(['MIT', 'ISC']);
    expect([...(ms?.files ?? new Map<string, readonly number[]>())]).toEqual([
      ['a/package-lock.json', [1, 3]],
      ['b/package-lock.json', [9]],
      ['c/yarn.lock', []],
    ]);
    expect(ms?.dependencyPath).toEqual([
      { name: 'debug', version: '4.3.4' },
      { name: 'ms', version: '2.1.2' },
    ]);
  });

  it('is development-only only when every occurrence says so', () => {
    const both = mergePackages({ packages: [pkg({ name: 'a', purl: 'pkg:npm/a@1', dev: true }), pkg({ name: 'a', purl: 'pkg:npm/a@1', dev: true })], dependencyFiles: [] });
    expect(both[0]?.dev).toBe(true);
    // An unmarked occurrence is a runtime one.
    const unmarked = mergePackages({ packages: [pkg({ name: 'a', purl: 'pkg:npm/a@1', dev: true }), pkg({ name: 'a', purl: 'pkg:npm/a@1' })], dependencyFiles: [] });
    expect(unmarked[0]?.dev).toBe(false);
  });

  it('writes the dependency path from the direct dependency to the package itself', () => {
    const viaOnly = mergePackages({ packages: [pkg({ name: 'b', purl: 'pkg:npm/b@1', version: '1', direct: false, via: { name: 'a', version: '2' } })], dependencyFiles: [] });
    expect(viaOnly[0]?.dependencyPath).toEqual([
      { name: 'a', version: '2' },
      { name: 'b', version: '1' },
    ]);
    const direct = mergePackages({ packages: [pkg({ name: 'a', purl: 'pkg:npm/a@1', direct: true, path: [{ name: 'x', version: '1' }] })], dependencyFiles: [] });
    expect(direct[0]?.dependencyPath).toBeUndefined();
  });

  it('drops self-edges, duplicate edges and packages without a purl, and survives cycles', () => {
    const merged = mergePackages({
      packages: [
        pkg({ name: 'b', purl: 'pkg:npm/b@1', dependsOn: ['pkg:npm/a@1', 'pkg:npm/b@1', 'pkg:npm/a@1'] }),
        pkg({ name: 'a', purl: 'pkg:npm/a@1', dependsOn: ['pkg:npm/b@1'] }),
        pkg({ name: 'nameless', purl: '' }),
      ],
      dependencyFiles: [],
    });
    expect(merged.map((p) => [p.purl, p.dependsOn])).toEqual([
      ['pkg:npm/a@1', ['pkg:npm/b@1']],
      ['pkg:npm/b@1', ['pkg:npm/a@1']],
    ]);
  });

  it('writes GitLab properties per declaring file, then Bulwark facts', () => {
    const [merged] = mergePackages({
      packages: [
        pkg({
          name: 'ms',
          purl: 'pkg:npm/ms@2.1.2',
          version: '2.1.2',
          direct: false,
          dev: true,
          unpinned: true,
          locations: [{ file: 'package-lock.json', line: 80 }],
          path: [
            { name: 'express', version: '4.19.2' },
            { name: 'debug', version: '4.3.4' },
          ],
          via: { name: 'express', version: '4.19.2' },
        }),
      ],
      dependencyFiles: [{ path: 'package-lock.json', packageManager: 'npm', packages: [] }],
    });
    if (!merged) throw new Error('no package');
    expect(componentProperties(merged, new Map([['package-lock.json', 'npm']]))).toEqual([
      { name: 'gitlab:dependency_scanning:input_file:path', value: 'package-lock.json' },
      { name: 'gitlab:dependency_scanning:package_manager:name', value: 'npm' },
      { name: 'gitlab:dependency_scanning:category', value: 'development' },
      { name: 'bulwark:direct', value: 'false' },
      { name: 'bulwark:location', value: 'package-lock.json:80' },
      { name: 'bulwark:dependency_path', value: 'express@4.19.2 > debug@4.3.4 > ms@2.1.2' },
      { name: 'bulwark:unpinned', value: 'true' },
    ]);
  });
});
