import { parseYamlDocuments, type Located } from '../located-yaml.js';
import type { IacFramework, ParsedIac } from '../types.js';
import { HARDENING_RULES } from './rules/hardening.js';
import { INJECTION_RULES } from './rules/injection.js';
import { PERMISSION_RULES } from './rules/permissions.js';
import { PINNING_RULES } from './rules/pinning.js';
import { SECRET_RULES } from './rules/secrets.js';
import { TRIGGER_RULES } from './rules/triggers.js';

export interface Step {
  readonly node: Located;
  /** `step 2` or the step's `name`/`id`, for messages. */
  readonly label: string;
  readonly uses?: string;
  readonly run?: string;
}

export interface Job {
  readonly id: string;
  readonly node: Located;
  readonly steps: readonly Step[];
}

/** A workflow file, or a composite action (`action.yml`) whose steps form one pseudo-job. */
export interface Workflow {
  readonly kind: 'workflow' | 'action';
  readonly root: Located;
  readonly name: string;
  /** Event names that trigger the workflow (`push`, `pull_request_target`…); empty for actions. */
  readonly on: ReadonlySet<string>;
  readonly jobs: readonly Job[];
  /** The file's lines, to place findings inside multi-line `run:` scripts. */
  readonly source: readonly string[];
}

function triggersOf(node: Located | undefined): Set<string> {
  if (!node) return new Set();
  const single = node.str();
  if (single !== undefined) return new Set([single]);
  if (node.isSeq()) return new Set(node.items().flatMap((item) => item.str() ?? []));
  return new Set(node.entries().map(([name]) => name));
}

function stepsOf(node: Located | undefined): Step[] {
  return (node?.items() ?? []).map((step, index) => {
    const uses = step.get('uses')?.str();
    const run = step.get('run')?.str();
    const named = step.get('name')?.str() ?? step.get('id')?.str();
    return {
      node: step,
      label: named === undefined ? `step ${index + 1}` : `step "${named}"`,
      ...(uses !== undefined ? { uses } : {}),
      ...(run !== undefined ? { run } : {}),
    };
  });
}

function workflowOf(root: Located, source: readonly string[], file: string): Workflow | undefined {
  if (!root.isMap()) return undefined;
  const name = root.get('name')?.str() ?? file;
  const runs = root.get('runs');
  if (runs?.isMap()) {
    // A composite action: its steps run inside the caller's job, with the caller's token.
    return { kind: 'action', root, name, on: new Set(), jobs: [{ id: 'composite', node: runs, steps: stepsOf(runs.get('steps')) }], source };
  }
  const jobs = root.get('jobs');
  if (!jobs?.isMap()) return undefined;
  // YAML 1.1 readers turn a bare `on` key into `true`; accept both spellings.
  const on = triggersOf(root.get('on') ?? root.get('true'));
  return {
    kind: 'workflow',
    root,
    name,
    on,
    jobs: jobs.entries().map(([id, node]) => ({ id, node, steps: stepsOf(node.get('steps')) })),
    source,
  };
}

function parse(text: string, file: string): ParsedIac<Workflow> {
  const { documents, problems } = parseYamlDocuments(text, file);
  const source = text.split(/\r?\n/);
  const targets = documents.flatMap((root) => workflowOf(root, source, file) ?? []);
  return { targets, problems };
}

const WORKFLOW_PATH = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/;
const ACTION_PATH = /(?:^|\/)action\.ya?ml$/;

export const githubActionsFramework: IacFramework<Workflow> = {
  id: 'github-actions',
  claims: (path) => WORKFLOW_PATH.test(path) || ACTION_PATH.test(path),
  parse,
  rules: [...INJECTION_RULES, ...PINNING_RULES, ...PERMISSION_RULES, ...SECRET_RULES, ...TRIGGER_RULES, ...HARDENING_RULES],
};
