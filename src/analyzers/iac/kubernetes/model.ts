import type { Located } from '../located-yaml.js';
import type { Violation } from '../types.js';

/** One Kubernetes object of a manifest, as the rules see it. */
export interface K8sObject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** The whole object (the document, or the item of a `kind: List`). */
  readonly root: Located;
  /** The pod spec of a Pod or of a workload's pod template. */
  readonly podSpec?: Located;
  /** The metadata beside that pod spec (where AppArmor and seccomp annotations live). */
  readonly podMetadata?: Located;
  /** `Deployment/web`. */
  readonly resource: string;
}

/** One container of a pod spec, named the way a reviewer would say it. */
export interface K8sContainer {
  readonly name: string;
  readonly node: Located;
  readonly field: 'containers' | 'initContainers' | 'ephemeralContainers';
  /** `container "app" of Deployment/web`. */
  readonly resource: string;
}

const CONTAINER_FIELDS = ['containers', 'initContainers', 'ephemeralContainers'] as const;

const FIELD_NOUN: Record<K8sContainer['field'], string> = {
  containers: 'container',
  initContainers: 'init container',
  ephemeralContainers: 'ephemeral container',
};

/** Every container of the object's pod spec (none for objects without one). */
export function containersOf(target: K8sObject, fields: readonly K8sContainer['field'][] = CONTAINER_FIELDS): K8sContainer[] {
  const spec = target.podSpec;
  if (!spec) return [];
  return fields.flatMap((field) =>
    (spec.get(field)?.items() ?? [])
      .filter((node) => node.isMap())
      .map((node, index) => {
        const name = node.get('name')?.str() ?? `#${index + 1}`;
        return { name, node, field, resource: `${FIELD_NOUN[field]} "${name}" of ${target.resource}` };
      }),
  );
}

/** Where a container's securityContext setting comes from: its own, or else the pod's. */
export interface Effective {
  readonly value: Located | undefined;
  readonly fromPod: boolean;
}

export function effectiveSecurity(target: K8sObject, container: K8sContainer, key: string): Effective {
  const own = container.node.at('securityContext', key);
  if (own !== undefined && own.scalar() !== null) return { value: own, fromPod: false };
  const pod = target.podSpec?.at('securityContext', key);
  return { value: pod, fromPod: pod !== undefined };
}

/** The first line of a container (its `- name:` line), where missing settings are reported. */
export function containerLine(container: K8sContainer): number {
  return container.node.line;
}

/** Keep one violation per line: a pod-level setting inherited by many containers is one mistake. */
export function oncePerLine(violations: readonly Violation[]): Violation[] {
  const seen = new Set<number>();
  return violations.filter((violation) => {
    if (seen.has(violation.line)) return false;
    seen.add(violation.line);
    return true;
  });
}

/** A sequence's items as strings (a lone scalar counts as a one-item list). */
export function stringsOf(node: Located | undefined): string[] {
  if (!node) return [];
  if (node.isSeq()) return node.items().flatMap((item) => (item.str() === undefined ? [] : [item.str() as string]));
  const single = node.str();
  return single === undefined ? [] : [single];
}
