import { expressionsIn } from '../expressions.js';
import type { Job, Workflow } from '../framework.js';
import { actionName, allSteps, jobResource, stepResource } from '../resources.js';
import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';

/** Triggers whose runs hold a write token and secrets while reacting to outsiders' pull requests. */
const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'];

function isFalse(node: Located | undefined): boolean {
  const value = node?.scalar();
  return value === false || value === 'false';
}

const persistedCheckoutCredentials: IacRule<Workflow> = {
  id: 'gha-checkout-persist-credentials',
  title: 'Privileged workflow leaves the token in the checkout',
  description:
    '`actions/checkout` writes the GITHUB_TOKEN into `.git/config` unless `persist-credentials: false`. In a `pull_request_target` or `workflow_run` workflow that token can write to the repository, and any later step, build script or uploaded artifact that reads the checkout can take it.',
  severity: 'medium',
  cwe: 522,
  remediation: 'Add `with: { persist-credentials: false }` to the checkout step and pass a token explicitly only to the step that pushes.',
  check: (workflow) => {
    if (!PRIVILEGED_TRIGGERS.some((trigger) => workflow.on.has(trigger))) return [];
    return allSteps(workflow).flatMap(({ job, step }): Violation[] => {
      const uses = step.node.get('uses');
      if (!uses || step.uses === undefined || actionName(step.uses) !== 'actions/checkout') return [];
      const persist = step.node.at('with', 'persist-credentials');
      // An expression decides at run time; only a literal true (or the default) is known to persist.
      if (isFalse(persist) || (persist?.str()?.includes('${{') ?? false)) return [];
      return [{ line: persist?.line ?? uses.line, resource: stepResource(workflow, job, step) }];
    });
  },
};

const inheritedSecretsToExternalWorkflow: IacRule<Workflow> = {
  id: 'gha-secrets-inherit-external',
  title: 'All secrets passed to a reusable workflow of another repository',
  description:
    '`secrets: inherit` hands every secret the caller can see to the called workflow. When that workflow lives in another repository, whoever can change it there (or move the ref it is called at) receives them all.',
  severity: 'medium',
  cwe: 668,
  remediation: 'Pass only the secrets the reusable workflow needs, by name (`secrets: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }`), and pin the call to a commit SHA.',
  check: (workflow) =>
    workflow.jobs.flatMap((job): Violation[] => {
      const uses = job.node.get('uses')?.str();
      const secrets = job.node.get('secrets');
      if (uses === undefined || uses.startsWith('./') || secrets?.str() !== 'inherit') return [];
      return [{ line: secrets.line, resource: jobResource(workflow, job), detail: `secrets inherited by ${uses}` }];
    }),
};

const workflowWideSecret: IacRule<Workflow> = {
  id: 'gha-workflow-env-secret',
  title: 'Secret exposed to every step of the workflow',
  description:
    'A secret in the top-level `env:` is set in the environment of every step of every job, including third-party actions and build scripts that never need it; one compromised step can read it.',
  severity: 'low',
  cwe: 668,
  remediation: 'Move the secret to the `env:` of the one step (or job) that uses it.',
  check: (workflow) => {
    if (workflow.kind !== 'workflow') return [];
    return (workflow.root.get('env')?.entries() ?? []).flatMap(([name, value]): Violation[] => {
      const secret = expressionsIn(value.str() ?? '').find((expression) => /\bsecrets\./.test(expression.body));
      return secret ? [{ line: value.line, resource: `workflow "${workflow.name}"`, detail: `${name} = ${secret.text}` }] : [];
    });
  },
};

/** The `credentials.password` of a job's container and of its service containers, with their names. */
function registryPasswords(job: Job): { password: Located; container: string }[] {
  const own = job.node.at('container', 'credentials', 'password');
  const services = (job.node.get('services')?.entries() ?? []).flatMap(([name, service]) => {
    const password = service.at('credentials', 'password');
    return password ? [{ password, container: `service container "${name}"` }] : [];
  });
  return [...(own ? [{ password: own, container: 'job container' }] : []), ...services];
}

const hardcodedContainerCredentials: IacRule<Workflow> = {
  id: 'gha-hardcoded-container-credentials',
  title: 'Registry password written into the workflow',
  description:
    'The `credentials.password` of a job or service container is a literal: the registry password is in version control, readable by everyone who can read the repository, and stays valid after it leaks.',
  severity: 'high',
  cwe: 798,
  remediation: 'Store the password as an encrypted secret and reference it: `password: ${{ secrets.REGISTRY_PASSWORD }}`; rotate the exposed one.',
  check: (workflow) =>
    workflow.jobs.flatMap((job) =>
      registryPasswords(job).flatMap(({ password, container }): Violation[] => {
        const text = password.str()?.trim() ?? '';
        if (text === '' || text.includes('${{')) return [];
        return [{ line: password.line, resource: `${container} of ${jobResource(workflow, job)}` }];
      }),
    ),
};

export const HARDENING_RULES: readonly IacRule<Workflow>[] = [persistedCheckoutCredentials, inheritedSecretsToExternalWorkflow, workflowWideSecret, hardcodedContainerCredentials];
