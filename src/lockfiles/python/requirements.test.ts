import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { requirementsFormat } from './requirements.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

function fixture(caseName: string, fileName: string): LockfileInput {
  const read = (relative: string): string | undefined => {
    const target = posix.normalize(posix.join(caseName, relative));
    if (!target.startsWith(`${caseName}/`)) return undefined;
    try {
      return readFileSync(`${FIXTURES}${target}`, 'utf8');
    } catch {
      return undefined;
    }
  };
  return { path: `app/${fileName}`, text: read(fileName) ?? '', readSibling: read };
}

function inline(text: string): LockfileInput {
  return { path: 'requirements.txt', text, readSibling: () => undefined };
}

describe('lockfiles/python/requirements', () => {
  it('matches the usual requirements file names only', () => {
    for (const name of ['requirements.txt', 'requirements-dev.txt', 'requirements_test.txt', 'dev-requirements.txt']) {
      expect(requirementsFormat.matches(name), name).toBe(true);
    }
    for (const name of ['requirements.in', 'constraints.txt', 'requirements.txt.bak', 'Pipfile.lock']) {
      expect(requirementsFormat.matches(name), name).toBe(false);
    }
  });

  it('reads pinned and unpinned requirements with their lines, and skips URLs, paths and options', () => {
    const { packages, problems } = requirementsFormat.parse(fixture('requirements-basic', 'requirements.txt'));
    expect(problems).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.unpinned ?? false, p.line])).toEqual([
      ['django', '3.2.0', false, 5],
      ['requests', '2.19.0', false, 8],
      ['PyYAML', '5.3', false, 9],
      ['certifi', '>=2018.4.16', true, 10],
      ['urllib3', '~=1.23', true, 11],
      ['idna', '<2.8,>=2.5', true, 12],
      ['chardet', '', true, 13],
      ['Jinja2', '2.10', false, 14],
      ['gunicorn', '20.1.0', false, 15],
      // From requirements-common.txt, reported at the `-r` line; its django==3.2.0 repeats one above.
      ['sqlparse', '0.4.1', false, 17],
    ]);
    expect(packages.every((p) => p.direct === true && p.ecosystem === 'PyPI' && p.dependsOn.length === 0)).toBe(true);
  });

  it('reports an unreadable line as a warning and keeps the other requirements', () => {
    const { packages, problems } = requirementsFormat.parse(fixture('requirements-bad-line', 'requirements.txt'));
    expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual(['django@3.2.0', 'requests@2.19.0', 'pyyaml@5.3']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unreadable-line', line: 3, level: 'warn', file: 'app/requirements.txt' });
    expect(problems[0]?.message).toContain('flask=1.1.2');
  });

  it('follows -r includes relative to the including file, stops at cycles and reports a missing include', () => {
    const { packages, problems } = requirementsFormat.parse(fixture('requirements-includes', 'requirements-dev.txt'));
    expect(packages.map((p) => [p.name, p.version, p.line])).toEqual([
      ['django', '3.2.0', 1],
      ['pytest', '6.2.5', 2],
      ['flake8', '3.9.2', 3],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unreadable-include', line: 4, level: 'warn' });
  });

  it('joins continuation lines and keeps the first line number', () => {
    const { packages } = requirementsFormat.parse(inline('# top\nrequests==2.19.0 \\\n    --hash=sha256:abc \\\n    --hash=sha256:def\nidna==2.7\n'));
    expect(packages.map((p) => [p.name, p.line])).toEqual([
      ['requests', 2],
      ['idna', 5],
    ]);
  });

  it('treats a wildcard or several clauses as unpinned', () => {
    const { packages } = requirementsFormat.parse(inline('django==3.2.*\nrequests>=2.0,!=2.19.0\n'));
    expect(packages.map((p) => [p.version, p.unpinned])).toEqual([
      ['==3.2.*', true],
      ['>=2.0,!=2.19.0', true],
    ]);
  });

  it('throws a LockfileError for a file with no readable line or binary content', () => {
    expect(() => requirementsFormat.parse(inline('this is not a requirements file\n'))).toThrow(LockfileError);
    expect(() => requirementsFormat.parse(inline('\u0000\u0001PK\u0003\u0004'))).toThrow(LockfileError);
  });
});
