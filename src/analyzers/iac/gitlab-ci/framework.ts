import { parseYamlDocuments, type Located } from '../located-yaml.js';
import type { IacFramework, ParsedIac } from '../types.js';
import { SUPPLY_CHAIN_RULES } from './rules/supply-chain.js';
import { SCRIPT_RULES } from './rules/scripts.js';
import { VARIABLE_RULES } from './rules/variables.js';

export interface Job {
  readonly name: string;
  readonly node: Located;
  /** `.template` jobs never run by themselves but are copied into the jobs that extend them. */
  readonly hidden: boolean;
}

export interface Pipeline {
  readonly root: Located;
  readonly jobs: readonly Job[];
  /** The file's lines, to place findings inside multi-line script entries. */
  readonly source: readonly string[];
}

/** Top-level keys that configure the pipeline rather than name a job. */
const RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec']);
const JOB_KEYS = ['script', 'extends', 'trigger', 'run'];

function jobsOf(root: Located): Job[] {
  return root.entries().flatMap(([name, node]): Job[] => {
    if (RESERVED.has(name) || !node.isMap()) return [];
    const hidden = name.startsWith('.');
    return hidden || JOB_KEYS.some((key) => node.has(key)) ? [{ name, node, hidden }] : [];
  });
}

function parse(text: string, file: string): ParsedIac<Pipeline> {
  const { documents, problems } = parseYamlDocuments(text, file);
  const source = text.split(/\r?\n/);
  // A CI/CD component starts with a `spec:` header document; the pipeline is the next one.
  const targets = documents.filter((root) => root.isMap() && !root.has('spec')).map((root) => ({ root, jobs: jobsOf(root), source }));
  return { targets, problems };
}

/** `.gitlab-ci.yml`, and the `deploy.gitlab-ci.yml` files projects split their pipelines into. */
const PIPELINE_PATH = /(?:^|\/)[^/]*\.gitlab-ci\.ya?ml$/;

export const gitlabCiFramework: IacFramework<Pipeline> = {
  id: 'gitlab-ci',
  claims: (path) => PIPELINE_PATH.test(path),
  parse,
  rules: [...VARIABLE_RULES, ...SCRIPT_RULES, ...SUPPLY_CHAIN_RULES],
};
