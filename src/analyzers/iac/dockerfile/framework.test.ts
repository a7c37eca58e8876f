import { describe, expect, it } from 'vitest';
import { dockerfileFramework, type Dockerfile } from './framework.js';

function only(text: string): Dockerfile {
  const parsed = dockerfileFramework.parse(text, 'Dockerfile');
  expect(parsed.targets).toHaveLength(1);
  return parsed.targets[0] as Dockerfile;
}

function linesOf(ruleId: string, text: string): number[] {
  const rule = dockerfileFramework.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return dockerfileFramework.parse(text, 'Dockerfile').targets.flatMap((target) => rule.check(target).map((violation) => violation.line));
}

describe('dockerfile framework', () => {
  it.each([
    ['Dockerfile', true],
    ['services/api/Dockerfile', true],
    ['Containerfile', true],
    ['Dockerfile.prod', true],
    ['docker/api.Dockerfile', true],
    ['.dockerignore', false],
    ['Dockerfile.dockerignore', false],
    ['docs/Dockerfiles.md', false],
    ['src/dockerfile.ts', false],
  ])('claims %s: %s', (path, claimed) => {
    expect(dockerfileFramework.claims(path)).toBe(claimed);
  });

  it('splits a multi-stage build into stages with their aliases, lines and images', () => {
    const dockerfile = only(['ARG NODE=20', 'FROM node:${NODE} AS build', 'RUN npm ci \\', '  && npm run build', '', 'FROM nginx:1.27', 'COPY --from=build /app/dist /usr/share/nginx/html'].join('\n'));
    expect(dockerfile.stages.map((stage) => [stage.from.line, stage.image, stage.alias])).toEqual([
      [2, 'node:20', 'build'],
      [6, 'nginx:1.27', undefined],
    ]);
    expect(dockerfile.stages[0]?.instructions.map((instruction) => [instruction.keyword, instruction.line])).toEqual([['RUN', 3]]);
    expect(dockerfile.stages[1]?.resource).toBe('stage 2 (FROM nginx:1.27)');
    expect(dockerfile.globalArgs.map((instruction) => instruction.line)).toEqual([1]);
  });

  it('checks only the final stage for the user, and follows FROM <stage> for an inherited USER', () => {
    expect(linesOf('dockerfile-runs-as-root', 'FROM alpine:3.19 AS base\nUSER app\nFROM base\nRUN true')).toEqual([]);
    expect(linesOf('dockerfile-runs-as-root', 'FROM alpine:3.19\nUSER app\nRUN true\nUSER 0:0')).toEqual([4]);
    expect(linesOf('dockerfile-runs-as-root', 'FROM alpine:3.19 AS build\nFROM alpine:3.19\nUSER root')).toEqual([3]);
  });

  it('reports a file without FROM as a problem and never throws on garbage', () => {
    for (const text of ['', '\u0000\u0001{{{ \\', 'RUN echo hi', '\\\n\\\n', 'FROM', 'FROM \\', 'USER', 'ADD', 'ENV =', 'ARG =x', 'EXPOSE -', 'RUN <<EOF']) {
      const parsed = dockerfileFramework.parse(text, 'Dockerfile');
      for (const rule of dockerfileFramework.rules) for (const target of parsed.targets) expect(() => rule.check(target)).not.toThrow();
    }
    const parsed = dockerfileFramework.parse('RUN echo hi\n', 'Dockerfile');
    expect(parsed.targets).toEqual([]);
    expect(parsed.problems.map((problem) => problem.code)).toEqual(['iac-unreadable']);
    expect(dockerfileFramework.parse('', 'Dockerfile').problems).toEqual([]);
  });

  it('skips a file over the size limit with a notice', () => {
    const parsed = dockerfileFramework.parse(`FROM alpine\n${'#'.repeat(21 * 1024 * 1024)}`, 'Dockerfile');
    expect(parsed.targets).toEqual([]);
    expect(parsed.problems[0]?.code).toBe('iac-file-too-large');
  });
});
