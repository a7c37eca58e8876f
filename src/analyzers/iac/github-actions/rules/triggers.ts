import { expressionsIn } from '../expressions.js';
import type { Workflow } from '../framework.js';
import { actionName, allSteps, jobResource, stepResource } from '../resources.js';
import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';

/** Refs that name the code of the pull request (or of the run that a fork triggered). */
const HEAD_OF_UNTRUSTED = /\bgithub\.(?:head_ref|event\.pull_request\.head\.(?:sha|ref)|event\.workflow_run\.head_(?:sha|branch))\b/;

function checksOutUntrustedHead(ref: string): boolean {
  return expressionsIn(ref).some((e) => HEAD_OF_UNTRUSTED.test(e.body)) || /refs\/pull\//.test(ref);
}

const privilegedCheckout: IacRule<Workflow> = {
  id: 'gha-pull-request-target-checkout',
  title: 'Privileged workflow checks out pull request code',
  description:
    '`pull_request_target` and `workflow_run` run with the base repository\'s secrets and a write token. Checking out the pull request head and building or running it lets anyone who opens a pull request from a fork run code with those privileges ("pwn request").',
  severity: 'critical',
  cwe: 829,
  remediation: 'Use the `pull_request` trigger for building untrusted code; if a privileged follow-up is needed, run it in a separate `workflow_run` workflow that only consumes artifacts and never executes them.',
  check: (workflow) => {
    if (!workflow.on.has('pull_request_target') && !workflow.on.has('workflow_run')) return [];
    return allSteps(workflow).flatMap(({ job, step }): Violation[] => {
      if (step.uses === undefined || actionName(step.uses) !== 'actions/checkout') return [];
      const ref = step.node.at('with', 'ref');
      const text = ref?.str();
      return ref && text !== undefined && checksOutUntrustedHead(text) ? [{ line: ref.line, resource: stepResource(workflow, job, step), detail: `checks out ${text}` }] : [];
    });
  },
};

/** Whether `runs-on` asks for a self-hosted runner (string, list, or `{ labels }` / `{ group }`). */
function selfHosted(runsOn: Located): boolean {
  const labels = runsOn.isMap() ? runsOn.get('labels') : runsOn;
  if (runsOn.isMap() && runsOn.has('group')) return true;
  const names = labels?.isSeq() ? labels.items().map((item) => item.str() ?? '') : [labels?.str() ?? ''];
  return names.some((name) => name.toLowerCase() === 'self-hosted');
}

const selfHostedOnPullRequest: IacRule<Workflow> = {
  id: 'gha-self-hosted-runner-pull-request',
  title: 'Self-hosted runner used for pull requests',
  description:
    'A self-hosted runner is not wiped between jobs. Running pull request code on it lets a fork\'s contributor persist on the machine, read later jobs\' secrets and reach the internal network.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Run pull request jobs on GitHub-hosted runners, or on ephemeral, isolated self-hosted runners that accept no fork pull requests.',
  check: (workflow) => {
    if (!workflow.on.has('pull_request') && !workflow.on.has('pull_request_target')) return [];
    return workflow.jobs.flatMap((job): Violation[] => {
      const runsOn = job.node.get('runs-on');
      return runsOn && selfHosted(runsOn) ? [{ line: runsOn.line, resource: jobResource(workflow, job) }] : [];
    });
  },
};

export const TRIGGER_RULES: readonly IacRule<Workflow>[] = [privilegedCheckout, selfHostedOnPullRequest];
