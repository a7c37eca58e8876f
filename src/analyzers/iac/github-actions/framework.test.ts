import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { githubActionsFramework as framework } from './framework.js';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const ruleById = (id: string) => framework.rules.find((rule) => rule.id === id)!;

describe('analyzers/iac/github-actions/framework', () => {
  it('claims workflow files at any depth and action metadata files, nothing else', () => {
    expect(framework.claims('.github/workflows/ci.yml')).toBe(true);
    expect(framework.claims('services/api/.github/workflows/release.yaml')).toBe(true);
    expect(framework.claims('action.yml')).toBe(true);
    expect(framework.claims('actions/setup/action.yaml')).toBe(true);
    expect(framework.claims('.github/workflows/README.md')).toBe(false);
    expect(framework.claims('.github/dependabot.yml')).toBe(false);
    expect(framework.claims('k8s/deploy.yml')).toBe(false);
  });

  it('reads triggers written as a string, a list or a map', () => {
    const triggers = (on: string) => [...framework.parse(`on: ${on}\njobs:\n  a:\n    runs-on: ubuntu-latest\n`, 'w.yml').targets[0]!.on];
    expect(triggers('push')).toEqual(['push']);
    expect(triggers('[push, pull_request_target]')).toEqual(['push', 'pull_request_target']);
    expect(triggers('\n  issues:\n    types: [opened]\n  schedule:\n    - cron: "0 0 * * *"')).toEqual(['issues', 'schedule']);
  });

  it('reads jobs and steps, including a job that calls a reusable workflow', () => {
    const text = [
      'name: caller',
      'on:',
      '  workflow_call:',
      'jobs:',
      '  reuse:',
      '    uses: org/repo/.github/workflows/build.yml@v1',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - name: test',
      '        run: npm test',
    ].join('\n');
    const { targets, problems } = framework.parse(text, '.github/workflows/caller.yml');
    expect(problems).toEqual([]);
    const workflow = targets[0]!;
    expect(workflow.name).toBe('caller');
    expect([...workflow.on]).toEqual(['workflow_call']);
    expect(workflow.jobs.map((job) => job.id)).toEqual(['reuse', 'build']);
    expect(workflow.jobs[1]!.steps.map((step) => [step.label, step.uses ?? step.run])).toEqual([
      ['step 1', 'actions/checkout@v4'],
      ['step "test"', 'npm test'],
    ]);
    const unpinned = ruleById('gha-unpinned-action').check(workflow);
    expect(unpinned).toEqual([{ line: 6, resource: 'job reuse', detail: expect.stringContaining('"v1"') }]);
  });

  it('checks the steps of a composite action', () => {
    const text = [
      'name: setup',
      'inputs:',
      '  version:',
      '    required: true',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - shell: bash',
      '      run: |',
      '        echo "installing ${{ inputs.version }}"',
      '        echo "${{ github.event.pull_request.title }}"',
    ].join('\n');
    const { targets } = framework.parse(text, 'action.yml');
    expect(targets).toHaveLength(1);
    expect(targets[0]!.kind).toBe('action');
    const hits = ruleById('gha-script-injection').check(targets[0]!);
    expect(hits).toEqual([{ line: 11, resource: 'step 1 of composite action "setup"', detail: expect.stringContaining('pull_request.title') }]);
    // Permissions belong to the calling workflow, not to an action.
    expect(ruleById('gha-missing-permissions').check(targets[0]!)).toEqual([]);
  });

  it('turns malformed YAML into a problem instead of throwing, and ignores YAML that is no workflow', () => {
    const broken = framework.parse('on: push\njobs:\n  a: [unclosed\n', '.github/workflows/broken.yml');
    expect(broken.targets).toEqual([]);
    expect(broken.problems[0]?.code).toBe('iac-unreadable');
    expect(broken.problems[0]?.message).toMatch(/broken\.yml/);
    expect(framework.parse('just: data\n', 'action.yml')).toEqual({ targets: [], problems: [] });
    expect(framework.parse('', '.github/workflows/empty.yml').targets).toEqual([]);
  });

  it('has fixtures that are all valid workflows, so a good fixture cannot pass by failing to parse', () => {
    for (const name of readdirSync(FIXTURES)) {
      const parsed = framework.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'), name);
      expect(parsed.problems, name).toEqual([]);
      expect(parsed.targets.length, name).toBeGreaterThan(0);
    }
  });
});
