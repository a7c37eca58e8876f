import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readApkInstalled } from './apk.js';

const file = 'lib/apk/db/installed';

describe('analyzers/container/os/apk', () => {
  const { packages, problems } = readApkInstalled(readFileSync(new URL('./__fixtures__/alpine-3.19/lib/apk/db/installed', import.meta.url), 'utf8'), file);

  it('reads every package of an Alpine 3.19 database in order', () => {
    expect(problems).toEqual([]);
    expect(packages.map((pkg) => [pkg.name, pkg.version, pkg.line])).toEqual([
      ['musl', '1.2.4_git20230717-r4', 1],
      ['busybox', '1.36.1-r15', 23],
      ['busybox-binsh', '1.36.1-r15', 43],
      ['libcrypto3', '3.1.4-r5', 63],
      ['libssl3', '3.1.4-r5', 83],
      ['ca-certificates-bundle', '20230506-r0', 103],
      ['zlib', '1.3.1-r0', 124],
    ]);
  });

  it('takes the origin as the source package and the license as declared', () => {
    expect(packages.find((pkg) => pkg.name === 'libssl3')).toEqual({
      name: 'libssl3',
      version: '3.1.4-r5',
      arch: 'x86_64',
      sourceName: 'openssl',
      sourceVersion: '3.1.4-r5',
      license: 'Apache-2.0',
      file,
      line: 83,
    });
    expect(packages.find((pkg) => pkg.name === 'busybox-binsh')?.sourceName).toBe('busybox');
    expect(packages.find((pkg) => pkg.name === 'ca-certificates-bundle')).toMatchObject({ sourceName: 'ca-certificates', license: 'MPL-2.0 AND MIT' });
  });

  it('falls back to the package name when there is no origin', () => {
    expect(readApkInstalled('P:foo\nV:1.0-r0\n', file).packages).toEqual([{ name: 'foo', version: '1.0-r0', sourceName: 'foo', sourceVersion: '1.0-r0', file, line: 1 }]);
  });

  it('reports malformed stanzas with their line and reads the rest', () => {
    const text = ['P:no-version', 'A:x86_64', '', 'P:bad-line', 'V:1-r0', 'not a key line', '', 'P:twice', 'P:again', 'V:1-r0', '', 'V:2-r0', '', 'P:ok', 'V:1-r1', 'o:ok-origin', ''].join('\r\n');
    const result = readApkInstalled(text, file);
    expect(result.packages).toEqual([{ name: 'ok', version: '1-r1', sourceName: 'ok-origin', sourceVersion: '1-r1', file, line: 14 }]);
    expect(result.problems.map((problem) => [problem.code, problem.line])).toEqual([
      ['apk-stanza-malformed', 1],
      ['apk-stanza-malformed', 4],
      ['apk-stanza-malformed', 8],
      ['apk-stanza-malformed', 12],
    ]);
  });

  it('gives nothing for an empty database', () => {
    expect(readApkInstalled('', file)).toEqual({ packages: [], problems: [] });
  });
});
