import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDpkgStatus } from './dpkg.js';
import type { OsPackage } from './types.js';

function fixture(path: string): string {
  return readFileSync(new URL(`./__fixtures__/${path}`, import.meta.url), 'utf8');
}

function byName(packages: readonly OsPackage[], name: string): OsPackage | undefined {
  return packages.find((pkg) => pkg.name === name);
}

describe('analyzers/container/os/dpkg', () => {
  describe('the real status file of this Debian 12 machine (103 whole stanzas)', () => {
    const file = 'var/lib/dpkg/status';
    const { packages, problems } = readDpkgStatus(fixture('debian-12/status'), file);

    it('reads every installed package and reports nothing', () => {
      expect(packages).toHaveLength(103);
      expect(problems).toEqual([]);
    });

    it('maps libssl3 to its source package openssl', () => {
      const libssl3 = byName(packages, 'libssl3');
      expect(libssl3).toMatchObject({ version: '3.0.19-1~deb12u2', arch: 'amd64', sourceName: 'openssl', sourceVersion: '3.0.19-1~deb12u2', file });
    });

    it('takes the source version from the parentheses when a binNMU or epoch makes it differ', () => {
      expect(byName(packages, 'bash')).toMatchObject({ version: '5.2.15-2+b8', sourceName: 'bash', sourceVersion: '5.2.15-2' });
      expect(byName(packages, 'bsdutils')).toMatchObject({ version: '1:2.38.1-5+deb12u3', sourceName: 'util-linux', sourceVersion: '2.38.1-5+deb12u3' });
      expect(byName(packages, 'libatm1')).toMatchObject({ version: '1:2.5.1-4+b2', sourceName: 'linux-atm', sourceVersion: '1:2.5.1-4' });
      expect(byName(packages, 'postgresql')).toMatchObject({ version: '15+248+deb12u2', sourceName: 'postgresql-common', sourceVersion: '248+deb12u2' });
    });

    it('uses the package itself as source when there is no Source field', () => {
      expect(byName(packages, 'adduser')).toEqual({ name: 'adduser', version: '3.134', arch: 'all', sourceName: 'adduser', sourceVersion: '3.134', file, line: 1 });
      expect(byName(packages, 'openssl')).toMatchObject({ sourceName: 'openssl', sourceVersion: '3.0.19-1~deb12u2' });
    });
  });

  it('lists only packages whose files are installed, held ones included', () => {
    const { packages, problems } = readDpkgStatus(fixture('dpkg-states/status'), 'var/lib/dpkg/status');
    expect(packages.map((pkg) => pkg.name)).toEqual(['curl', 'libcurl4']);
    expect(byName(packages, 'libcurl4')).toMatchObject({ sourceName: 'curl', sourceVersion: '7.88.1-10+deb12u5', line: 13 });
    expect(problems).toEqual([]);
  });

  it('reads a file with CRLF line ends', () => {
    const { packages } = readDpkgStatus(fixture('dpkg-states/status-crlf'), 'var/lib/dpkg/status');
    expect(packages.map((pkg) => [pkg.name, pkg.version, pkg.sourceName])).toEqual([
      ['zlib1g', '1:1.2.13.dfsg-1', 'zlib'],
      ['libzstd1', '1.5.4+dfsg2-5', 'libzstd'],
    ]);
  });

  it('reports each malformed stanza with its line and still reads the rest', () => {
    const file = 'var/lib/dpkg/status';
    const { packages, problems } = readDpkgStatus(fixture('dpkg-malformed/status'), file);
    expect(packages).toEqual([
      { name: 'bad-source', version: '2.0-1', sourceName: 'bad-source', sourceVersion: '2.0-1', file, line: 27 },
      { name: 'good', version: '1.0-1+b1', arch: 'arm64', sourceName: 'good-src', sourceVersion: '1.0-1', file, line: 32 },
    ]);
    expect(problems.map((problem) => [problem.code, problem.line])).toEqual([
      ['dpkg-stanza-malformed', 1],
      ['dpkg-stanza-malformed', 5],
      ['dpkg-stanza-malformed', 10],
      ['dpkg-stanza-malformed', 15],
      ['dpkg-stanza-malformed', 20],
      ['dpkg-stanza-malformed', 23],
      ['dpkg-stanza-malformed', 27],
    ]);
    expect(problems[0]?.message).toContain('Version');
    expect(problems[3]?.message).toContain('twice');
    expect(problems[4]?.message).toContain('Status');
  });

  describe('distroless status.d files (control stanzas without a Status field)', () => {
    const folder = 'distroless-12/var/lib/dpkg/status.d';
    const read = (name: string): ReturnType<typeof readDpkgStatus> => readDpkgStatus(fixture(`${folder}/${name}`), `var/lib/dpkg/status.d/${name}`);

    it('reads one package per file, with its source', () => {
      expect(read('libssl3').packages).toEqual([
        { name: 'libssl3', version: '3.0.11-1~deb12u2', arch: 'amd64', sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2', file: 'var/lib/dpkg/status.d/libssl3', line: 1 },
      ]);
      expect(read('libc6').packages[0]).toMatchObject({ name: 'libc6', sourceName: 'glibc', sourceVersion: '2.36-9+deb12u4' });
      expect(read('base-files').packages[0]).toMatchObject({ name: 'base-files', version: '12.4+deb12u5', sourceName: 'base-files' });
    });

    it('reads every stanza of a file that holds several', () => {
      const { packages } = read('libgcc-s1');
      expect(packages.map((pkg) => [pkg.name, pkg.sourceName, pkg.line])).toEqual([
        ['gcc-12-base', 'gcc-12', 1],
        ['libgcc-s1', 'gcc-12', 13],
      ]);
    });

    it('finds five packages in the folder’s stanza files', () => {
      const names = readdirSync(new URL(`./__fixtures__/${folder}`, import.meta.url)).filter((name) => !name.endsWith('.md5sums'));
      const all = names.flatMap((name) => read(name).packages.map((pkg) => pkg.name));
      expect(all.sort()).toEqual(['base-files', 'gcc-12-base', 'libc6', 'libgcc-s1', 'libssl3', 'tzdata']);
    });
  });

  it('gives nothing and no problem for an empty file', () => {
    expect(readDpkgStatus('', 'var/lib/dpkg/status')).toEqual({ packages: [], problems: [] });
  });

  it('stays linear on a huge hostile file', () => {
    const hostile = `Package: x\nStatus: install ok installed\nVersion: 1\n${' cont\n'.repeat(200_000)}${'junk\n'.repeat(200_000)}`;
    const started = performance.now();
    const { packages, problems } = readDpkgStatus(hostile, 'var/lib/dpkg/status');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(packages).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});
