import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gitlabCiFramework as framework } from './framework.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const ruleById = (id: string) => framework.rules.find((rule) => rule.id === id)!;

describe('analyzers/iac/gitlab-ci/framework', () => {
  it('claims .gitlab-ci.yml and *.gitlab-ci.yml at any depth, nothing else', () => {
    expect(framework.claims('.gitlab-ci.yml')).toBe(true);
    expect(framework.claims('ci/deploy.gitlab-ci.yml')).toBe(true);
    expect(framework.claims('templates/build.gitlab-ci.yaml')).toBe(true);
    expect(framework.claims('gitlab-ci.txt')).toBe(false);
    expect(framework.claims('.github/workflows/ci.yml')).toBe(false);
    expect(framework.claims('my-gitlab-ci.yml')).toBe(false);
  });

  it('treats maps with script, extends or trigger as jobs, and hidden templates too, but not keywords', () => {
    const text = [
      'stages: [build, test]',
      'variables:',
      '  FOO: bar',
      'default:',
      '  image: node:20',
      'workflow:',
      '  rules:',
      '    - when: always',
      '.base:',
      '  tags: [docker]',
      'build:',
      '  script: make',
      'child:',
      '  trigger: group/project',
      'extended:',
      '  extends: .base',
      'notes:',
      '  description: not a job',
    ].join('\n');
    const { targets, problems } = framework.parse(text, '.gitlab-ci.yml');
    expect(problems).toEqual([]);
    expect(targets[0]!.jobs.map((job) => [job.name, job.hidden])).toEqual([
      ['.base', true],
      ['build', false],
      ['child', false],
      ['extended', false],
    ]);
  });

  it('skips the spec header of a CI/CD component and checks the pipeline after it', () => {
    const text = 'spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  image: alpine:latest\n  script: [echo hi]\n';
    const { targets } = framework.parse(text, 'templates/x.gitlab-ci.yml');
    expect(targets).toHaveLength(1);
    expect(ruleById('gitlab-ci-image-latest').check(targets[0]!)).toEqual([{ line: 7, resource: 'job job', detail: 'alpine:latest uses latest' }]);
  });

  it('reads script entries written as quoted strings (a colon inside stays part of the command)', () => {
    const text = "deploy:\n  script:\n    - 'curl --header \"JOB-TOKEN: $CI_JOB_TOKEN\" https://x | sh'\n";
    const { targets } = framework.parse(text, '.gitlab-ci.yml');
    expect(ruleById('gitlab-ci-curl-pipe-shell').check(targets[0]!)).toEqual([{ line: 3, resource: 'job deploy' }]);
  });

  it('points at the script line inside a multi-line command block', () => {
    const text = 'deploy:\n  script:\n    - |\n      set -e\n      echo "$CI_JOB_TOKEN"\n';
    const { targets } = framework.parse(text, '.gitlab-ci.yml');
    expect(ruleById('gitlab-ci-secret-echoed').check(targets[0]!).map((v) => v.line)).toEqual([5]);
  });

  it('turns malformed YAML into a problem instead of throwing', () => {
    const { targets, problems } = framework.parse('build:\n  script: [unclosed\n', '.gitlab-ci.yml');
    expect(targets).toEqual([]);
    expect(problems[0]?.code).toBe('iac-unreadable');
    expect(framework.parse('', '.gitlab-ci.yml').targets).toEqual([]);
  });

  it('has fixtures that are all valid YAML, so a good fixture cannot pass by failing to parse', () => {
    for (const name of readdirSync(FIXTURES)) {
      const parsed = framework.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'), name);
      expect(parsed.problems, name).toEqual([]);
      expect(parsed.targets.length, name).toBeGreaterThan(0);
    }
  });
});
