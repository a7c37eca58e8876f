import { expressionsIn } from '../expressions.js';
import type { Workflow } from '../framework.js';
import { allSteps, stepResource } from '../resources.js';
import { printsToLog, scriptLines } from '../../scalar-lines.js';
import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';

/** Names of `env:` variables whose value comes from `secrets.*`. */
function secretEnvNames(env: Located | undefined): string[] {
  return (env?.entries() ?? []).flatMap(([name, value]) => (expressionsIn(value.str() ?? '').some((e) => /\bsecrets\./.test(e.body)) ? [name] : []));
}

const escape = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, '');

/** Does a printing script line expand a secret, directly or through a secret-valued variable? */
function printsSecret(text: string, secretVariables: readonly string[]): string | undefined {
  if (text.includes('::add-mask::') || !printsToLog(text)) return undefined;
  const direct = expressionsIn(text).find((e) => /\bsecrets\./.test(e.body));
  if (direct) return direct.body;
  return secretVariables.find((name) => new RegExp(String.raw`\$\{?${escape(name)}\b`).test(text));
}

const secretEchoed: IacRule<Workflow> = {
  id: 'gha-secret-echoed',
  title: 'Secret printed to the job log',
  description:
    'Echoing a secret writes it to the log; the runner masks only exact matches, so any transformation (base64, a substring, a JSON wrapper) leaves it readable to everyone who can see the run, which on public repositories is everyone.',
  severity: 'high',
  cwe: 532,
  remediation: 'Do not print secrets. Pass them to the tool that needs them through environment variables, stdin (`--password-stdin`) or a file with restricted permissions.',
  check: (workflow) => {
    const workflowSecrets = secretEnvNames(workflow.root.get('env'));
    return allSteps(workflow).flatMap(({ job, step }): Violation[] => {
      const run = step.node.get('run');
      if (step.run === undefined || !run) return [];
      const secrets = [...workflowSecrets, ...secretEnvNames(job.node.get('env')), ...secretEnvNames(step.node.get('env'))];
      return scriptLines(workflow.source, step.run, run.line, 'run').flatMap(({ text, line }) => {
        const secret = printsSecret(text, secrets);
        return secret === undefined ? [] : [{ line, resource: stepResource(workflow, job, step), detail: `${secret} is printed` }];
      });
    });
  },
};

export const SECRET_RULES: readonly IacRule<Workflow>[] = [secretEchoed];
