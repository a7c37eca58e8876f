import type { Problem } from '../../../core/result.js';
import { parseYamlDocuments, type Located } from '../located-yaml.js';
import type { IacFramework, ParsedIac } from '../types.js';
import type { K8sObject } from './model.js';
import { imageRules } from './rules/images.js';
import { networkRules } from './rules/network.js';
import { podSecurityRules } from './rules/pod-security.js';
import { rbacRules } from './rules/rbac.js';
import { resourceRules } from './rules/resources.js';
import { secretRules } from './rules/secrets.js';
import { workloadRules } from './rules/workloads.js';

/** Files other frameworks own, or that are never manifests. */
const NOT_KUBERNETES = [/(^|\/)node_modules\//, /(^|\/)\.github\/workflows\//, /(^|\/)\.gitlab-ci\.ya?ml$/, /(^|\/)(docker-)?compose[^/]*\.ya?ml$/];

function claims(path: string): boolean {
  if (!/\.(ya?ml|json)$/i.test(path)) return false;
  return !NOT_KUBERNETES.some((pattern) => pattern.test(path));
}

/** Where each workload kind keeps its pod template (the map holding `metadata` and `spec`). */
const POD_TEMPLATE_PATH: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

function toObject(root: Located): K8sObject | undefined {
  const kind = root.get('kind')?.scalar();
  const apiVersion = root.get('apiVersion')?.scalar();
  const metadata = root.get('metadata');
  if (typeof kind !== 'string' || typeof apiVersion !== 'string' || !metadata?.isMap()) return undefined;
  const name = metadata.get('name')?.str() ?? metadata.get('generateName')?.str() ?? '(unnamed)';
  const namespace = metadata.get('namespace')?.str();
  const templatePath = POD_TEMPLATE_PATH[kind];
  const template = templatePath ? root.at(...templatePath) : undefined;
  const podSpec = template?.get('spec');
  const podMetadata = template?.get('metadata');
  return {
    kind,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    root,
    ...(podSpec?.isMap() ? { podSpec } : {}),
    ...(podMetadata?.isMap() ? { podMetadata } : {}),
    resource: `${kind}/${name}`,
  };
}

/** A document's objects: itself, or the items of a `kind: List` (`PodList`…). */
function objectsIn(document: Located, depth = 0): K8sObject[] {
  const kind = document.get('kind')?.scalar();
  const items = document.get('items');
  if (typeof kind === 'string' && kind.endsWith('List') && items?.isSeq()) {
    // Lists of lists are legal but rare; the bound keeps a hostile nesting cheap.
    return depth < 4 ? items.items().flatMap((item) => objectsIn(item, depth + 1)) : [];
  }
  const object = toObject(document);
  return object ? [object] : [];
}

/** A Helm template is not YAML until rendered; failing to read one is expected, not a warning. */
function asTemplateNotice(problem: Problem): Problem {
  if (problem.code !== 'iac-unreadable') return problem;
  return { ...problem, level: 'info', code: 'iac-template-skipped', message: `${problem.message} (it looks like a Helm/Go template; render it to check it)` };
}

function parse(text: string, file: string): ParsedIac<K8sObject> {
  // Cheap gate: YAML and JSON without both keys (package.json, CI configs…) are not manifests.
  if (!text.includes('apiVersion') || !text.includes('kind')) return { targets: [], problems: [] };
  const { documents, problems } = parseYamlDocuments(text, file);
  const isTemplate = text.includes('{{');
  return {
    targets: documents.flatMap((document) => objectsIn(document)),
    problems: isTemplate ? problems.map(asTemplateNotice) : problems,
  };
}

export const kubernetesFramework: IacFramework<K8sObject> = {
  id: 'kubernetes',
  claims,
  parse,
  rules: [...podSecurityRules, ...resourceRules, ...imageRules, ...secretRules, ...rbacRules, ...networkRules, ...workloadRules],
};
