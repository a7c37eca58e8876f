import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDbDir } from './location.js';

const HOME = '/home/user';

describe('advisories/location', () => {
  it('takes --db first', () => {
    expect(resolveDbDir('/data/db', { BULWARK_DB_DIR: '/env/db', XDG_CACHE_HOME: '/cache' }, HOME)).toBe('/data/db');
    expect(resolveDbDir('relative/db', {}, HOME)).toBe(resolve('relative/db'));
  });

  it('then $BULWARK_DB_DIR', () => {
    expect(resolveDbDir(undefined, { BULWARK_DB_DIR: '/env/db', XDG_CACHE_HOME: '/cache' }, HOME)).toBe('/env/db');
  });

  it('then $XDG_CACHE_HOME/bulwark/db', () => {
    expect(resolveDbDir(undefined, { XDG_CACHE_HOME: '/cache' }, HOME)).toBe(join('/cache', 'bulwark', 'db'));
  });

  it('then ~/.cache/bulwark/db', () => {
    expect(resolveDbDir(undefined, {}, HOME)).toBe(join(HOME, '.cache', 'bulwark', 'db'));
  });

  it('treats empty variables as unset and ignores a relative XDG_CACHE_HOME', () => {
    expect(resolveDbDir('', { BULWARK_DB_DIR: '', XDG_CACHE_HOME: '' }, HOME)).toBe(join(HOME, '.cache', 'bulwark', 'db'));
    expect(resolveDbDir(undefined, { XDG_CACHE_HOME: 'cache' }, HOME)).toBe(join(HOME, '.cache', 'bulwark', 'db'));
  });
});
