import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { databaseFor, OS_PACKAGE_DATABASES, selectDatabaseFiles, wantsPath } from './index.js';

describe('analyzers/container/os/index', () => {
  it.each([
    ['var/lib/dpkg/status', 'dpkg'],
    ['/var/lib/dpkg/status', 'dpkg'],
    ['./var/lib/dpkg/status', 'dpkg'],
    ['var/lib/dpkg/status.d/libssl3', 'dpkg'],
    ['var/lib/dpkg/status.d/libcbor0.8', 'dpkg'],
    ['lib/apk/db/installed', 'apk'],
    ['var/lib/rpm/rpmdb.sqlite', 'rpm'],
    ['var/lib/rpm/Packages', 'rpm'],
    ['var/lib/rpm/Packages.db', 'rpm'],
    ['usr/lib/sysimage/rpm/rpmdb.sqlite', 'rpm'],
    ['usr/lib/sysimage/rpm/Packages.db', 'rpm'],
  ])('reads %s as a %s database', (path, id) => {
    expect(databaseFor(path)?.id).toBe(id);
    expect(wantsPath(path)).toBe(true);
  });

  it.each([
    'var/lib/dpkg/status-old',
    'var/lib/dpkg/status.d/libc6.md5sums',
    'var/lib/dpkg/status.d/nested/libc6',
    'var/lib/dpkg/status.d/',
    'var/lib/dpkg/available',
    'var/lib/rpm/rpmdb.sqlite-wal',
    'var/lib/rpm/Index.db',
    'home/user/var/lib/dpkg/status',
    'lib/apk/db/installed.bak',
  ])('ignores %s', (path) => {
    expect(databaseFor(path)).toBeUndefined();
    expect(wantsPath(path)).toBe(false);
  });

  it.each(['etc/os-release', 'usr/lib/os-release', 'etc/alpine-release', 'etc/debian_version', 'etc/redhat-release', 'etc/centos-release'])(
    'wants the release file %s for OS detection',
    (path) => {
      expect(wantsPath(path)).toBe(true);
      expect(databaseFor(path)).toBeUndefined();
    },
  );

  it('drops an rpm Berkeley DB left beside the SQLite database it was migrated to', () => {
    const selected = selectDatabaseFiles(['var/lib/rpm/Packages', 'var/lib/rpm/rpmdb.sqlite', 'var/lib/dpkg/status', 'etc/os-release', 'usr/lib/sysimage/rpm/Packages']);
    expect(selected.map((entry) => [entry.path, entry.database.id])).toEqual([
      ['usr/lib/sysimage/rpm/Packages', 'rpm'],
      ['var/lib/dpkg/status', 'dpkg'],
      ['var/lib/rpm/rpmdb.sqlite', 'rpm'],
    ]);
  });

  it('reads each format through the list', async () => {
    const fixture = (path: string): Buffer => readFileSync(new URL(`./__fixtures__/${path}`, import.meta.url));
    const read = async (path: string, bytes: Buffer): Promise<readonly string[]> => {
      const database = databaseFor(path);
      if (!database) throw new Error(`no database reads ${path}`);
      const result = await database.read(bytes, path);
      expect(result.problems).toEqual([]);
      return result.packages.map((pkg) => pkg.name);
    };
    expect(await read('var/lib/dpkg/status', fixture('debian-12/status'))).toHaveLength(103);
    expect(await read('var/lib/dpkg/status.d/libssl3', fixture('distroless-12/var/lib/dpkg/status.d/libssl3'))).toEqual(['libssl3']);
    expect(await read('lib/apk/db/installed', fixture('alpine-3.19/lib/apk/db/installed'))).toHaveLength(7);
    expect(await read('var/lib/rpm/rpmdb.sqlite', gunzipSync(fixture('rpm/rpmdb.sqlite.gz')))).toHaveLength(4);
  });

  it('lists each database path once', () => {
    const paths = OS_PACKAGE_DATABASES.flatMap((database) => database.paths);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
