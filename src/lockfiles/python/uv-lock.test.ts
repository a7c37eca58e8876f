import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { uvLockFormat } from './uv-lock.js';

const TEXT = readFileSync(fileURLToPath(new URL('./__fixtures__/uv-lock/uv.lock', import.meta.url)), 'utf8');
const INPUT: LockfileInput = { path: 'uv.lock', text: TEXT, readSibling: () => undefined };

describe('lockfiles/python/uv-lock', () => {
  it('lists every locked package except the editable project itself', () => {
    const { packages, problems } = uvLockFormat.parse(INPUT);
    expect(problems).toEqual([]);
    expect(packages).toHaveLength(13);
    expect(packages.some((p) => p.name === 'catalog-api')).toBe(false);
    expect(packages.find((p) => p.name === 'django')).toMatchObject({ version: '3.2', line: 55 });
  });

  it('takes direct dependencies from the project: dependencies, extras and dev groups', () => {
    const { packages } = uvLockFormat.parse(INPUT);
    expect(packages.filter((p) => p.direct === true).map((p) => p.name)).toEqual(['django', 'pytest', 'pyyaml']);
  });

  it('marks what only the dev group reaches as dev', () => {
    const { packages } = uvLockFormat.parse(INPUT);
    expect(packages.filter((p) => p.dev === true).map((p) => p.name)).toEqual(['colorama', 'exceptiongroup', 'iniconfig', 'packaging', 'pluggy', 'pytest', 'tomli']);
    expect(packages.filter((p) => p.dev === false).map((p) => p.name)).toEqual(['asgiref', 'django', 'pytz', 'pyyaml', 'sqlparse', 'typing-extensions']);
  });

  it('records dependency edges by key', () => {
    const { packages } = uvLockFormat.parse(INPUT);
    expect(packages.find((p) => p.name === 'django')?.dependsOn).toEqual(['asgiref@3.8.1', 'pytz@2024.2', 'sqlparse@0.5.3']);
    expect(packages.find((p) => p.name === 'asgiref')?.dependsOn).toEqual(['typing-extensions@4.12.2']);
  });

  it('throws a LockfileError for malformed TOML', () => {
    expect(() => uvLockFormat.parse({ ...INPUT, text: 'version = 1\n[[package]\nname = "x"\n' })).toThrow(LockfileError);
  });
});
