import type { IacRule } from '../../types.js';
import { containerLine, containersOf, type K8sContainer, type K8sObject } from '../model.js';

const RESOURCES = ['cpu', 'memory'] as const;

/** The container's missing `resources.<section>` entries, and the line to report them at. */
function missingResources(container: K8sContainer, section: 'limits' | 'requests'): { missing: string[]; line: number } {
  const resources = container.node.get('resources');
  const values = resources?.get(section);
  const missing = RESOURCES.filter((name) => {
    const value = values?.get(name)?.str();
    return value === undefined || value === '';
  });
  return { missing, line: values?.line ?? resources?.line ?? containerLine(container) };
}

function resourceRule(section: 'limits' | 'requests', rule: Omit<IacRule<K8sObject>, 'check'>): IacRule<K8sObject> {
  return {
    ...rule,
    check: (target) =>
      // Ephemeral containers cannot declare resources, so only regular and init containers count.
      containersOf(target, ['containers', 'initContainers']).flatMap((container) => {
        const { missing, line } = missingResources(container, section);
        return missing.length === 0 ? [] : [{ line, resource: container.resource, detail: `no ${missing.join(' or ')} ${section === 'limits' ? 'limit' : 'request'}` }];
      }),
  };
}

const missingLimits = resourceRule('limits', {
  id: 'k8s-missing-resource-limits',
  title: 'Container has no CPU or memory limit',
  description: 'Without CPU and memory limits one container can take all of the node, starving its neighbours; a compromised or buggy pod becomes a denial of service.',
  severity: 'medium',
  cwe: 770,
  remediation: 'Set `resources.limits.cpu` and `resources.limits.memory` on every container (or enforce defaults with a LimitRange).',
});

const missingRequests = resourceRule('requests', {
  id: 'k8s-missing-resource-requests',
  title: 'Container has no CPU or memory request',
  description: 'Without requests the scheduler cannot reserve capacity for the container, so nodes are overcommitted and pods are evicted first under pressure.',
  severity: 'low',
  cwe: 770,
  remediation: 'Set `resources.requests.cpu` and `resources.requests.memory` on every container.',
});

const defaultNamespace: IacRule<K8sObject> = {
  id: 'k8s-default-namespace',
  title: 'Object is placed in the default namespace',
  description: 'The default namespace is shared by everything deployed without thought; quotas, network policies and RBAC scoped to an application namespace do not apply there.',
  severity: 'low',
  cwe: 668,
  remediation: 'Deploy the application into its own namespace with its own quotas, network policies and roles.',
  check: (target) => {
    const namespace = target.root.at('metadata', 'namespace');
    return namespace?.str() === 'default' ? [{ line: namespace.line, resource: target.resource }] : [];
  },
};

export const resourceRules: readonly IacRule<K8sObject>[] = [missingLimits, missingRequests, defaultNamespace];
