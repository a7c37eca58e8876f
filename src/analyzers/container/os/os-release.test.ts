import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OsInfo } from './os-release.js';
import { detectOs, parseOsRelease } from './os-release.js';

/** A reader over a fixture root filesystem, as the image reader would supply one. */
function rootfs(name: string): (path: string) => Buffer | undefined {
  return (path) => {
    const url = new URL(`./__fixtures__/${name}/${path}`, import.meta.url);
    return existsSync(url) && statSync(url).isFile() ? readFileSync(url) : undefined;
  };
}

describe('analyzers/container/os/os-release', () => {
  it('reads this machine’s real Debian 12 os-release', () => {
    const realFile = readFileSync(new URL('./__fixtures__/debian-12/os-release', import.meta.url));
    const info = detectOs((path) => (path === 'etc/os-release' ? realFile : undefined));
    expect(info).toEqual({
      id: 'debian',
      versionId: '12',
      name: 'Debian GNU/Linux',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
      osvEcosystem: 'Debian:12',
    });
  });

  it.each<[string, Partial<OsInfo>]>([
    ['distroless-12', { id: 'distroless', versionId: '12', prettyName: 'Distroless', idLike: ['debian'], osvEcosystem: 'Debian:12' }],
    ['os/distroless-no-id', { id: 'distroless', versionId: '11', idLike: ['debian'], osvEcosystem: 'Debian:11' }],
    ['os/ubuntu-22.04', { id: 'ubuntu', versionId: '22.04', name: 'Ubuntu', idLike: ['debian'], osvEcosystem: 'Ubuntu:22.04:LTS' }],
    ['os/ubuntu-23.10', { id: 'ubuntu', versionId: '23.10', osvEcosystem: 'Ubuntu:23.10' }],
    ['alpine-3.19', { id: 'alpine', versionId: '3.19.1', name: 'Alpine Linux', prettyName: 'Alpine Linux v3.19', osvEcosystem: 'Alpine:v3.19' }],
    ['os/rocky-9', { id: 'rocky', versionId: '9.3', idLike: ['rhel', 'centos', 'fedora'], osvEcosystem: 'Rocky Linux:9' }],
    ['os/almalinux-9', { id: 'almalinux', versionId: '9.3', osvEcosystem: 'AlmaLinux:9' }],
    ['os/wolfi', { id: 'wolfi', versionId: '20230201', osvEcosystem: 'Wolfi' }],
    ['os/debian-testing', { id: 'debian', versionId: '13', osvEcosystem: 'Debian:13' }],
  ])('detects %s from os-release', (root, expected) => {
    expect(detectOs(rootfs(root))).toMatchObject(expected);
  });

  it('gives RHEL no OSV ecosystem: OSV names Red Hat releases by CPE product stream, which the image does not record per package', () => {
    const info = detectOs(rootfs('os/ubi-9'));
    expect(info).toMatchObject({ id: 'rhel', versionId: '9.3', name: 'Red Hat Enterprise Linux' });
    expect(info?.osvEcosystem).toBeUndefined();
  });

  it.each<[string, OsInfo]>([
    ['os/alpine-release-only', { id: 'alpine', versionId: '3.18.6', name: 'Alpine Linux', osvEcosystem: 'Alpine:v3.18' }],
    ['os/debian-version-only', { id: 'debian', versionId: '11.9', name: 'Debian GNU/Linux', osvEcosystem: 'Debian:11' }],
    ['os/centos-6', { id: 'centos', versionId: '6.10', name: 'CentOS', prettyName: 'CentOS release 6.10 (Final)' }],
  ])('falls back to the release file in %s', (root, expected) => {
    expect(detectOs(rootfs(root))).toEqual(expected);
  });

  it('finds nothing in an image without release files', () => {
    expect(detectOs(rootfs('os/no-release-files'))).toBeUndefined();
  });

  it('prefers os-release over etc/debian_version, which Ubuntu also ships', () => {
    expect(detectOs(rootfs('os/ubuntu-22.04'))?.id).toBe('ubuntu');
  });

  it.each([
    ['VERSION_ID="24.04"', 'Ubuntu:24.04:LTS'],
    ['VERSION_ID="23.04"', 'Ubuntu:23.04'],
    ['VERSION_ID="20.04"\nVERSION="20.04.6 LTS (Focal Fossa)"', 'Ubuntu:20.04:LTS'],
  ])('names Ubuntu releases the OSV way (%s)', (extra, ecosystem) => {
    const text = Buffer.from(`ID=ubuntu\n${extra}\n`);
    expect(detectOs((path) => (path === 'etc/os-release' ? text : undefined))?.osvEcosystem).toBe(ecosystem);
  });

  it('parses shell quoting, comments and junk lines of os-release', () => {
    const fields = parseOsRelease(
      ['# comment', 'NAME="Quoted \\"name\\" \\$HOME"', "SINGLE='a \\b'", 'PLAIN=value', 'no equals sign', '=nokey', 'BAD KEY=x', '  SPACED=1  '].join('\n'),
    );
    expect(Object.fromEntries(fields)).toEqual({ NAME: 'Quoted "name" $HOME', SINGLE: 'a \\b', PLAIN: 'value', SPACED: '1' });
  });

  it('does not take an os-release without an ID as an OS, and looks further', () => {
    const files: Record<string, Buffer> = {
      'etc/os-release': Buffer.from('NAME=something\n'),
      'etc/alpine-release': Buffer.from('3.20.0\n'),
    };
    expect(detectOs((path) => files[path])).toMatchObject({ id: 'alpine', osvEcosystem: 'Alpine:v3.20' });
  });
});
