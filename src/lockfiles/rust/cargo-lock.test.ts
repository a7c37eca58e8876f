import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockedPackage, LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { cargoLockFormat } from './cargo-lock.js';

function fixture(caseName: string): LockfileInput {
  const text = readFileSync(fileURLToPath(new URL(`./__fixtures__/${caseName}/Cargo.lock`, import.meta.url)), 'utf8');
  return { path: 'Cargo.lock', text, readSibling: () => undefined };
}

function find(packages: readonly LockedPackage[], key: string): LockedPackage | undefined {
  return packages.find((p) => p.key === key);
}

describe('lockfiles/rust/cargo-lock', () => {
  it('v3 workspace: members are the project, their dependencies are direct', () => {
    const { packages, problems } = cargoLockFormat.parse(fixture('workspace-v3'));
    expect(problems).toEqual([]);
    expect(packages).toHaveLength(14);
    expect(packages.some((p) => p.name === 'inventory' || p.name === 'inventory-cli')).toBe(false);
    expect(packages.filter((p) => p.direct === true).map((p) => `${p.name}@${p.version}`)).toEqual(['log@0.4.14', 'regex@1.5.4', 'smallvec@1.6.0', 'time@0.1.43', 'time@0.3.5']);
    expect(find(packages, 'memchr@2.4.1')?.direct).toBe(false);
  });

  it('v3: resolves "name" and "name version" dependency entries and keeps lines', () => {
    const { packages } = cargoLockFormat.parse(fixture('workspace-v3'));
    expect(find(packages, 'time@0.1.43')).toMatchObject({ line: 89, dependsOn: ['libc@0.2.107', 'winapi@0.3.9'] });
    expect(find(packages, 'time@0.3.5')).toMatchObject({ line: 99, dependsOn: ['itoa@0.4.8', 'libc@0.2.107'] });
    expect(find(packages, 'smallvec@1.6.0')).toMatchObject({ line: 83, ecosystem: 'crates.io', dependsOn: [] });
  });

  it('v1: resolves "name version (source)" entries', () => {
    const { packages } = cargoLockFormat.parse(fixture('single-v1'));
    expect(packages.map((p) => p.key)).toEqual([
      'byteorder@1.3.4',
      'libc@0.2.66',
      'smallvec@1.6.0',
      'time@0.1.43',
      'winapi@0.3.8',
      'winapi-i686-pc-windows-gnu@0.4.0',
      'winapi-x86_64-pc-windows-gnu@0.4.0',
    ]);
    expect(packages.filter((p) => p.direct === true).map((p) => p.name)).toEqual(['byteorder', 'smallvec', 'time']);
    expect(find(packages, 'time@0.1.43')).toMatchObject({ line: 26, dependsOn: ['libc@0.2.66', 'winapi@0.3.8'] });
  });

  it('leaves direct unknown when no crate is a workspace member', () => {
    const text = 'version = 4\n\n[[package]]\nname = "smallvec"\nversion = "1.6.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n';
    const { packages } = cargoLockFormat.parse({ path: 'Cargo.lock', text, readSibling: () => undefined });
    expect(packages).toEqual([{ key: 'smallvec@1.6.0', name: 'smallvec', version: '1.6.0', ecosystem: 'crates.io', line: 4, dependsOn: [] }]);
  });

  it('throws a LockfileError with the line of a TOML error', () => {
    const input: LockfileInput = { path: 'Cargo.lock', text: 'version = 3\n\n[[package]]\nname = "smallvec"\nversion = 1.6.0"\n', readSibling: () => undefined };
    expect(() => cargoLockFormat.parse(input)).toThrow(LockfileError);
    expect(() => cargoLockFormat.parse(input)).toThrow(/line 5/);
  });
});
