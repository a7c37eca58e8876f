import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';
import { stringsOf, type K8sObject } from '../model.js';

interface PolicyRule {
  readonly node: Located;
  readonly verbs: string[];
  readonly resources: string[];
  readonly apiGroups: string[];
}

/** The `rules` of a Role or ClusterRole (nothing for other kinds). */
function policyRules(target: K8sObject): PolicyRule[] {
  if (target.kind !== 'Role' && target.kind !== 'ClusterRole') return [];
  return (target.root.get('rules')?.items() ?? []).map((node) => ({
    node,
    verbs: stringsOf(node.get('verbs')),
    resources: stringsOf(node.get('resources')),
    apiGroups: stringsOf(node.get('apiGroups')),
  }));
}

const WILDCARD_FIELDS = ['apiGroups', 'resources', 'verbs'] as const;

const wildcard: IacRule<K8sObject> = {
  id: 'k8s-rbac-wildcard',
  title: 'Role grants a wildcard',
  description: 'A `*` in verbs, resources or apiGroups grants everything that exists now and everything added later (new CRDs, new verbs), far beyond what the subject needs.',
  severity: 'high',
  cwe: 269,
  remediation: 'List the exact apiGroups, resources and verbs the subject uses.',
  check: (target) =>
    policyRules(target).flatMap((rule) =>
      WILDCARD_FIELDS.flatMap((field): Violation[] => {
        const node = rule.node.get(field);
        return stringsOf(node).includes('*') && node ? [{ line: node.line, resource: target.resource, detail: `* in ${field}` }] : [];
      }),
    ),
};

const READ_VERBS = new Set(['get', 'list', 'watch', '*']);

const secretsAccess: IacRule<K8sObject> = {
  id: 'k8s-rbac-secrets-access',
  title: 'Role can read Secrets',
  description: 'Reading Secrets yields every password, token and key stored in the namespace (or cluster, for a ClusterRole), including service account tokens of more privileged workloads.',
  severity: 'medium',
  cwe: 269,
  remediation: 'Drop get/list/watch on `secrets`; if one Secret is needed, name it with `resourceNames`, or mount it into the pod instead.',
  check: (target) =>
    policyRules(target).flatMap((rule): Violation[] => {
      const coreGroup = rule.apiGroups.includes('') || rule.apiGroups.includes('*');
      const readsSecrets = rule.resources.includes('secrets') && rule.verbs.some((verb) => READ_VERBS.has(verb));
      // A rule restricted to named Secrets is the narrow grant this rule recommends.
      const named = stringsOf(rule.node.get('resourceNames')).length > 0;
      const resources = rule.node.get('resources');
      return coreGroup && readsSecrets && !named && resources ? [{ line: resources.line, resource: target.resource }] : [];
    }),
};

const ESCALATION_VERBS = ['escalate', 'bind', 'impersonate'];

const escalationVerbs: IacRule<K8sObject> = {
  id: 'k8s-rbac-escalation-verbs',
  title: 'Role grants escalate, bind or impersonate',
  description: 'The escalate and bind verbs let the subject grant itself permissions it does not have; impersonate lets it act as any user, group or service account.',
  severity: 'high',
  cwe: 269,
  remediation: 'Remove the escalate, bind and impersonate verbs; reserve them for cluster administrators.',
  check: (target) =>
    policyRules(target).flatMap((rule): Violation[] => {
      const granted = ESCALATION_VERBS.filter((verb) => rule.verbs.includes(verb));
      const verbs = rule.node.get('verbs');
      return granted.length > 0 && verbs ? [{ line: verbs.line, resource: target.resource, detail: `verbs ${granted.join(', ')}` }] : [];
    }),
};

function isBinding(target: K8sObject): boolean {
  return target.kind === 'ClusterRoleBinding' || target.kind === 'RoleBinding';
}

const clusterAdminBinding: IacRule<K8sObject> = {
  id: 'k8s-cluster-admin-binding',
  title: 'Subject is bound to cluster-admin',
  description: 'The cluster-admin role can do anything to any object; a workload or user bound to it turns any compromise into a full cluster compromise.',
  severity: 'high',
  cwe: 269,
  remediation: 'Bind a role that grants only what the subject needs, scoped to its namespace with a RoleBinding where possible.',
  check: (target) => {
    const roleName = target.root.at('roleRef', 'name');
    return isBinding(target) && roleName?.str() === 'cluster-admin' ? [{ line: roleName.line, resource: target.resource }] : [];
  },
};

const ANONYMOUS_SUBJECTS = new Set(['system:anonymous', 'system:unauthenticated']);

const anonymousBinding: IacRule<K8sObject> = {
  id: 'k8s-anonymous-binding',
  title: 'Role is bound to anonymous users',
  description: 'Binding a role to system:anonymous or system:unauthenticated gives its permissions to anyone who can reach the API server, without credentials.',
  severity: 'critical',
  cwe: 306,
  remediation: 'Remove the anonymous subject from the binding and bind the role to authenticated users, groups or service accounts.',
  check: (target) =>
    isBinding(target)
      ? (target.root.get('subjects')?.items() ?? []).flatMap((subject): Violation[] => {
          const name = subject.get('name');
          return name && ANONYMOUS_SUBJECTS.has(name.str() ?? '') ? [{ line: name.line, resource: target.resource, detail: `subject ${name.str() ?? ''}` }] : [];
        })
      : [],
};

export const rbacRules: readonly IacRule<K8sObject>[] = [wildcard, secretsAccess, escalationVerbs, clusterAdminBinding, anonymousBinding];
