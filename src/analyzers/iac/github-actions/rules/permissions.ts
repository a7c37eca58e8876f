import type { Workflow } from '../framework.js';
import { jobResource } from '../resources.js';
import type { IacRule, Violation } from '../../types.js';

const writeAll: IacRule<Workflow> = {
  id: 'gha-permissions-write-all',
  title: 'Workflow token granted write-all permissions',
  description:
    '`permissions: write-all` gives the GITHUB_TOKEN write access to code, releases, packages, issues and more; any compromised step or injected script can then push code or publish artifacts.',
  severity: 'high',
  cwe: 269,
  remediation: 'List only the scopes the job needs, e.g. `permissions: { contents: read }`, and grant write scopes on the single job that needs them.',
  check: (workflow) => {
    if (workflow.kind !== 'workflow') return [];
    const top = workflow.root.get('permissions');
    const found: Violation[] = top?.str() === 'write-all' ? [{ line: top.line, resource: `workflow "${workflow.name}"` }] : [];
    for (const job of workflow.jobs) {
      const own = job.node.get('permissions');
      if (own?.str() === 'write-all') found.push({ line: own.line, resource: jobResource(workflow, job) });
    }
    return found;
  },
};

const missingPermissions: IacRule<Workflow> = {
  id: 'gha-missing-permissions',
  title: 'Workflow does not restrict the token permissions',
  description:
    'Without a `permissions:` block the GITHUB_TOKEN gets the repository default, which is read-write on older repositories and organisations; the workflow should state the least it needs.',
  severity: 'low',
  cwe: 269,
  remediation: 'Add a top-level `permissions: { contents: read }` (or `permissions: {}`) and widen it per job only where needed.',
  check: (workflow) => {
    if (workflow.kind !== 'workflow' || workflow.root.has('permissions')) return [];
    // Jobs that all declare their own permissions leave nothing to the default.
    const uncovered = workflow.jobs.filter((job) => !job.node.has('permissions'));
    if (uncovered.length === 0) return [];
    return [{ line: workflow.root.line, resource: `workflow "${workflow.name}"`, detail: `jobs without permissions: ${uncovered.map((job) => job.id).join(', ')}` }];
  },
};

export const PERMISSION_RULES: readonly IacRule<Workflow>[] = [writeAll, missingPermissions];
