import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import { goModFormat } from './go-mod.js';

const CASE = fileURLToPath(new URL('./__fixtures__/webapp/', import.meta.url));
const GO_MOD = readFileSync(`${CASE}go.mod`, 'utf8');
const GO_SUM = readFileSync(`${CASE}go.sum`, 'utf8');

function input(text: string, goSum?: string): LockfileInput {
  return { path: 'go.mod', text, readSibling: (name) => (name === 'go.sum' ? goSum : undefined) };
}

describe('lockfiles/go/go-mod', () => {
  it('reads required modules with their v-prefixed versions, lines and direct/indirect', () => {
    const { packages } = goModFormat.parse(input(GO_MOD, GO_SUM));
    expect(packages).toHaveLength(18);
    expect(packages.filter((p) => p.direct === true && p.name !== 'stdlib').map((p) => `${p.name}@${p.version}:${p.line}`)).toEqual([
      'github.com/gin-gonic/gin@v1.6.0:7',
      'github.com/google/uuid@v1.3.0:8',
      'github.com/sirupsen/logrus@v1.8.1:9',
      'golang.org/x/text@v0.3.5:10',
    ]);
    expect(packages.find((p) => p.name === 'gopkg.in/yaml.v2')).toMatchObject({ version: 'v2.2.8', direct: false, line: 26 });
    expect(packages.every((p) => p.ecosystem === 'Go' && p.key === `${p.name}@${p.version}`)).toBe(true);
  });

  it('applies replace directives: a module replacement swaps the version, a local path drops the module', () => {
    const { packages } = goModFormat.parse(input(GO_MOD, GO_SUM));
    expect(packages.find((p) => p.name === 'golang.org/x/sys')).toMatchObject({ version: 'v0.0.0-20220412211240-33da011f77ad', direct: false, line: 25 });
    expect(packages.some((p) => p.name === 'example.com/internal/auth')).toBe(false);
  });

  it('adds the standard library at the go directive version', () => {
    const { packages } = goModFormat.parse(input(GO_MOD, GO_SUM));
    expect(packages.find((p) => p.name === 'stdlib')).toMatchObject({ version: '1.19.0', line: 3 });
  });

  it('reports a required module that go.sum lacks, as info', () => {
    const { problems } = goModFormat.parse(input(GO_MOD, GO_SUM));
    expect(problems).toEqual([expect.objectContaining({ code: 'missing-go-sum-entry', line: 8, level: 'info' })]);
    expect(problems[0]?.message).toContain('github.com/google/uuid');
  });

  it('checks nothing against go.sum when there is none', () => {
    expect(goModFormat.parse(input(GO_MOD)).problems).toEqual([]);
  });

  it('reads one-line requires, quoted paths, versioned replaces and drops an excluded requirement', () => {
    const text = [
      'module "example.com/tool"',
      'go 1.21.4',
      'require github.com/pkg/errors v0.9.0',
      'require "golang.org/x/net" v0.0.1 // indirect; needed by grpc',
      'replace golang.org/x/net v0.0.1 => golang.org/x/net v0.7.0',
      'replace golang.org/x/net v0.0.2 => ./net',
      'exclude github.com/pkg/errors v0.9.0',
    ].join('\n');
    const { packages, problems } = goModFormat.parse(input(text));
    expect(packages.map((p) => [p.name, p.version, p.direct])).toEqual([
      ['golang.org/x/net', 'v0.7.0', false],
      ['stdlib', '1.21.4', true],
    ]);
    expect(problems).toEqual([expect.objectContaining({ code: 'excluded-version', line: 3 })]);
  });

  it('warns about a require line it cannot read and goes on', () => {
    const { packages, problems } = goModFormat.parse(input('module m\nrequire (\n\tgithub.com/a/b\n\tgithub.com/c/d v1.0.0\n)\n'));
    expect(packages.map((p) => p.name)).toEqual(['github.com/c/d']);
    expect(problems).toEqual([expect.objectContaining({ code: 'unreadable-line', line: 3, level: 'warn' })]);
  });

  it('throws a LockfileError for an unclosed block or a file without a module directive', () => {
    expect(() => goModFormat.parse(input('module m\n\nrequire (\n\tgithub.com/a/b v1.0.0\n'))).toThrow(LockfileError);
    expect(() => goModFormat.parse(input('module m\n\nrequire (\n\tgithub.com/a/b v1.0.0\n'))).toThrow(/line 3|:3:/);
    expect(() => goModFormat.parse(input('<html><body>Not Found</body></html>\n'))).toThrow(LockfileError);
  });
});
