import { expressionsIn, untrustedField } from '../expressions.js';
import type { Workflow } from '../framework.js';
import { actionName, allSteps, jobResource, stepResource } from '../resources.js';
import { scalarLineFinder } from '../../scalar-lines.js';
import type { IacRule, Violation } from '../../types.js';

/** Untrusted expressions in a step's scalar, each at the line where it is written. */
function injectedExpressions(workflow: Workflow, value: { text: string; line: number; key: string }, resource: string): Violation[] {
  const find = scalarLineFinder(workflow.source, value.line, value.key);
  return expressionsIn(value.text).flatMap((expression) => {
    const line = find(expression.text);
    const field = untrustedField(expression);
    return field === undefined ? [] : [{ line, resource, detail: `${field} is expanded into the script` }];
  });
}

const scriptInjection: IacRule<Workflow> = {
  id: 'gha-script-injection',
  title: 'Untrusted event data expanded inside a run script',
  description:
    'A `${{ }}` expression in `run:` is replaced by its text before the shell starts, so an issue title, pull request body, branch name or commit message chosen by an outsider becomes shell code running with the job\'s token and secrets.',
  severity: 'high',
  cwe: 78,
  remediation: 'Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use it quoted in the script (`"$TITLE"`).',
  check: (workflow) =>
    allSteps(workflow).flatMap(({ job, step }) => {
      const run = step.node.get('run');
      if (step.run === undefined || !run) return [];
      return injectedExpressions(workflow, { text: step.run, line: run.line, key: 'run' }, stepResource(workflow, job, step));
    }),
};

const githubScriptInjection: IacRule<Workflow> = {
  id: 'gha-github-script-injection',
  title: 'Untrusted event data expanded inside an actions/github-script script',
  description:
    'actions/github-script evaluates `script:` as JavaScript after `${{ }}` expressions are substituted, so attacker-written event text (titles, bodies, branch names) becomes code running with the workflow token.',
  severity: 'high',
  cwe: 94,
  remediation: 'Read event data from the `context.payload` object inside the script, or pass it in through `env:` and `process.env`, instead of interpolating `${{ }}` into the code.',
  check: (workflow) =>
    allSteps(workflow).flatMap(({ job, step }) => {
      if (step.uses === undefined || actionName(step.uses) !== 'actions/github-script') return [];
      const script = step.node.at('with', 'script');
      const text = script?.str();
      if (!script || text === undefined) return [];
      return injectedExpressions(workflow, { text, line: script.line, key: 'script' }, stepResource(workflow, job, step));
    }),
};

const unsecureCommands: IacRule<Workflow> = {
  id: 'gha-allow-unsecure-commands',
  title: 'Deprecated set-env and add-path workflow commands re-enabled',
  description:
    '`ACTIONS_ALLOW_UNSECURE_COMMANDS: true` turns back on the `::set-env::` and `::add-path::` log commands, which were disabled because any process that can print to the log (for example a test printing attacker data) can then set variables such as NODE_OPTIONS or PATH and run code in later steps.',
  severity: 'high',
  cwe: 94,
  remediation: 'Remove the variable and write to the `$GITHUB_ENV` and `$GITHUB_PATH` files instead.',
  check: (workflow) => {
    const envs = [
      { env: workflow.root.get('env'), resource: `workflow "${workflow.name}"` },
      ...workflow.jobs.map((job) => ({ env: job.node.get('env'), resource: jobResource(workflow, job) })),
      ...allSteps(workflow).map(({ job, step }) => ({ env: step.node.get('env'), resource: stepResource(workflow, job, step) })),
    ];
    return envs.flatMap(({ env, resource }): Violation[] => {
      const flag = env?.get('ACTIONS_ALLOW_UNSECURE_COMMANDS');
      return flag?.isTrue() ? [{ line: flag.line, resource }] : [];
    });
  },
};

export const INJECTION_RULES: readonly IacRule<Workflow>[] = [scriptInjection, githubScriptInjection, unsecureCommands];
