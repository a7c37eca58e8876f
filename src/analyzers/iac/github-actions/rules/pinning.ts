import type { Workflow } from '../framework.js';
import { allSteps, jobResource, stepResource } from '../resources.js';
import { pipesDownloadToShell, scriptLines } from '../../scalar-lines.js';
import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';

const FULL_SHA = /^[0-9a-f]{40}$/i;
/**
 * Actions published by GitHub itself (`actions/*`, `github/*`) are left alone when pinned by tag:
 * their tags are managed by the same party that runs the platform, and flagging every
 * `actions/checkout@v4` would bury the third-party pins that matter.
 */
const FIRST_PARTY = new Set(['actions', 'github']);

/** Every `uses:` of the workflow: steps, and jobs that call a reusable workflow. */
function usesOf(workflow: Workflow): { uses: string; node: Located; resource: string }[] {
  const jobs = workflow.jobs.flatMap((job) => {
    const node = job.node.get('uses');
    const uses = node?.str();
    return node && uses !== undefined ? [{ uses, node, resource: jobResource(workflow, job) }] : [];
  });
  const steps = allSteps(workflow).flatMap(({ job, step }) => {
    const node = step.node.get('uses');
    return node && step.uses !== undefined ? [{ uses: step.uses, node, resource: stepResource(workflow, job, step) }] : [];
  });
  return [...jobs, ...steps].sort((a, b) => a.node.line - b.node.line);
}

/** Why a third-party `owner/repo[/path]@ref` is not pinned, or undefined when it is fine. */
function unpinnedActionReason(uses: string): string | undefined {
  if (uses.startsWith('./') || uses.startsWith('docker://') || uses.includes('${{')) return undefined;
  const at = uses.lastIndexOf('@');
  const owner = uses.split('/')[0]?.toLowerCase() ?? '';
  if (FIRST_PARTY.has(owner)) return undefined;
  if (at < 0) return `${uses} names no version at all`;
  const ref = uses.slice(at + 1);
  return FULL_SHA.test(ref) ? undefined : `${uses.slice(0, at)} is pinned to "${ref}", which its owner can move`;
}

const unpinnedAction: IacRule<Workflow> = {
  id: 'gha-unpinned-action',
  title: 'Third-party action not pinned to a commit SHA',
  description:
    'A tag or branch of a third-party action can be moved to new code at any time (as in the tj-actions/changed-files compromise); the workflow then runs that code with its token and secrets. Only a full commit SHA is immutable.',
  severity: 'medium',
  cwe: 829,
  remediation: 'Pin the action to the full 40-character commit SHA of a reviewed release (`uses: owner/action@<sha> # v1.2.3`) and let Dependabot or Renovate update it.',
  check: (workflow) =>
    usesOf(workflow).flatMap(({ uses, node, resource }): Violation[] => {
      const reason = unpinnedActionReason(uses);
      return reason === undefined ? [] : [{ line: node.line, resource, detail: reason }];
    }),
};

const unpinnedDockerAction: IacRule<Workflow> = {
  id: 'gha-unpinned-docker-action',
  title: 'Docker action image not pinned by digest',
  description: 'A `docker://image:tag` step runs whatever image the tag points to when the job starts; whoever can push that tag controls code running with the job\'s secrets.',
  severity: 'medium',
  cwe: 829,
  remediation: 'Reference the image by digest: `uses: docker://image@sha256:<digest>`.',
  check: (workflow) =>
    usesOf(workflow).flatMap(({ uses, node, resource }): Violation[] =>
      uses.startsWith('docker://') && !/@sha256:[0-9a-f]{64}$/i.test(uses) ? [{ line: node.line, resource, detail: `${uses} is not pinned by digest` }] : [],
    ),
};

const downloadPipedToShell: IacRule<Workflow> = {
  id: 'gha-curl-pipe-shell',
  title: 'Downloaded script piped straight into a shell',
  description:
    '`curl … | bash` runs whatever the server returns at that moment, with no integrity check, inside a job that holds the repository token and secrets; a compromised or spoofed host takes over the job.',
  severity: 'medium',
  cwe: 494,
  remediation: 'Download the script or binary to a file, verify its checksum or signature, then run it; or use a pinned action or package instead.',
  check: (workflow) =>
    allSteps(workflow).flatMap(({ job, step }): Violation[] => {
      const run = step.node.get('run');
      if (step.run === undefined || !run) return [];
      return scriptLines(workflow.source, step.run, run.line, 'run')
        .filter(({ text }) => pipesDownloadToShell(text))
        .map(({ line }) => ({ line, resource: stepResource(workflow, job, step) }));
    }),
};

export const PINNING_RULES: readonly IacRule<Workflow>[] = [unpinnedAction, unpinnedDockerAction, downloadPipedToShell];
