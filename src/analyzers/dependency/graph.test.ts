import { describe, expect, it } from 'vitest';
import type { LockedPackage } from '../../lockfiles/types.js';
import { buildPackages } from './graph.js';

function locked(key: string, dependsOn: string[] = [], extra: Partial<LockedPackage> = {}): LockedPackage {
  const [name, version] = key.split('@') as [string, string];
  return { key, name, version, ecosystem: 'npm', dependsOn, ...extra };
}

describe('buildPackages', () => {
  it('gives a transitive package the shortest path from a direct dependency and names it as the way in', () => {
    const packages = buildPackages('package-lock.json', [
      locked('app-dep@1.0.0', ['mid@2.0.0'], { direct: true }),
      locked('other@1.0.0', ['deep@1.0.0'], { direct: true }),
      locked('mid@2.0.0', ['leaf@3.0.0']),
      locked('deep@1.0.0', ['mid@2.0.0']),
      locked('leaf@3.0.0'),
    ]);
    const leaf = packages.find((p) => p.name === 'leaf')!;
    expect(leaf.direct).toBe(false);
    expect(leaf.path).toEqual([
      { name: 'app-dep', version: '1.0.0' },
      { name: 'mid', version: '2.0.0' },
    ]);
    expect(leaf.via).toEqual({ name: 'app-dep', version: '1.0.0' });
    const direct = packages.find((p) => p.name === 'app-dep')!;
    expect(direct.direct).toBe(true);
    expect(direct.path).toBeUndefined();
    expect(direct.dependsOn).toEqual(['pkg:npm/mid@2.0.0']);
  });

  it('ends on a cycle and still reaches every package', () => {
    const packages = buildPackages('yarn.lock', [
      locked('a@1.0.0', ['b@1.0.0'], { direct: true }),
      locked('b@1.0.0', ['c@1.0.0']),
      locked('c@1.0.0', ['b@1.0.0', 'a@1.0.0']),
    ]);
    expect(packages.find((p) => p.name === 'c')!.path?.map((p) => p.name)).toEqual(['a', 'b']);
  });

  it('treats packages nothing depends on as direct when the format cannot tell', () => {
    const packages = buildPackages('Cargo.lock', [locked('top@1.0.0', ['low@1.0.0']), locked('low@1.0.0')]);
    expect(packages.find((p) => p.name === 'top')!.direct).toBe(true);
    expect(packages.find((p) => p.name === 'low')!.direct).toBe(false);
  });

  it('merges copies of one package installed at several places into one, dev only if every copy is', () => {
    const packages = buildPackages('package-lock.json', [
      locked('x@1.0.0', ['node_modules/y/node_modules/z'], { key: 'node_modules/x', direct: true, line: 5 }),
      locked('y@1.0.0', ['node_modules/z'], { key: 'node_modules/y', direct: true, dev: true, line: 9 }),
      { key: 'node_modules/z', name: 'z', version: '2.0.0', ecosystem: 'npm', dependsOn: [], dev: true, line: 12 },
      { key: 'node_modules/y/node_modules/z', name: 'z', version: '2.0.0', ecosystem: 'npm', dependsOn: [], line: 20 },
    ]);
    const z = packages.filter((p) => p.name === 'z');
    expect(z).toHaveLength(1);
    expect(z[0]!.dev).toBeUndefined();
    expect(z[0]!.locations).toEqual([
      { file: 'package-lock.json', line: 12 },
      { file: 'package-lock.json', line: 20 },
    ]);
  });
});

describe('buildPackages on deep graphs', () => {
  it('leaves out a path deeper than the limit but still names the direct dependency, in linear time', () => {
    const chain: LockedPackage[] = [];
    const n = 20_000;
    for (let i = 0; i < n; i++) chain.push(locked(`p${i}@1.0.0`, i + 1 < n ? [`p${i + 1}@1.0.0`] : [], i === 0 ? { direct: true } : {}));
    const started = Date.now();
    const packages = buildPackages('package-lock.json', chain);
    expect(Date.now() - started).toBeLessThan(5_000);
    const near = packages.find((p) => p.name === 'p3')!;
    expect(near.path?.map((p) => p.name)).toEqual(['p0', 'p1', 'p2']);
    const deep = packages.find((p) => p.name === 'p19999')!;
    expect(deep.path).toBeUndefined();
    expect(deep.via).toEqual({ name: 'p0', version: '1.0.0' });
  });
});
