import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';
import { containersOf, effectiveSecurity, oncePerLine, type K8sObject } from '../model.js';

function isFalse(node: Located | undefined): boolean {
  const value = node?.scalar();
  return value === false || value === 'false';
}

function isZero(node: Located | undefined): boolean {
  const value = node?.scalar();
  return value === 0 || value === '0';
}

const serviceAccountAutomount: IacRule<K8sObject> = {
  id: 'k8s-service-account-automount',
  title: 'ServiceAccount hands its token to every pod',
  description:
    'Unless a ServiceAccount sets `automountServiceAccountToken: false`, every pod that runs as it gets an API token mounted, even pods that never call the Kubernetes API; whoever compromises one of them can use the token.',
  severity: 'low',
  cwe: 269,
  remediation: 'Set `automountServiceAccountToken: false` on the ServiceAccount and opt in per pod (`spec.automountServiceAccountToken: true`) only where the API is really used.',
  check: (target) => {
    if (target.kind !== 'ServiceAccount') return [];
    const setting = target.root.get('automountServiceAccountToken');
    if (isFalse(setting)) return [];
    return [{ line: setting?.line ?? target.root.line, resource: target.resource }];
  },
};

/** Secret types whose values the cluster fills in itself; a committed one holds no credential. */
const GENERATED_SECRET_TYPES = new Set(['kubernetes.io/service-account-token']);
/** Keys of a TLS Secret that are public by design. */
const PUBLIC_TLS_KEYS = new Set(['tls.crt', 'ca.crt']);

/** A value somebody still has to fill in (or that a tool substitutes), not a credential. */
function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === '' || trimmed.includes('{{') || trimmed.includes('${') || trimmed.includes('$(') || /^<[^>]*>$/.test(trimmed);
}

const committedSecretValue: IacRule<K8sObject> = {
  id: 'k8s-secret-committed-value',
  title: 'Secret manifest contains its secret value',
  description:
    'A `kind: Secret` with values under `data` (base64 is an encoding, not encryption) or `stringData` puts the credential in version control, where every clone, fork and CI log can read it, and it outlives any rotation.',
  severity: 'medium',
  cwe: 798,
  remediation: 'Keep the value out of the repository: create the Secret from a secret manager (External Secrets, Vault, a cloud secret store) or commit it encrypted (Sealed Secrets, SOPS); rotate the exposed credential.',
  check: (target) => {
    if (target.kind !== 'Secret') return [];
    const type = target.root.get('type')?.str() ?? 'Opaque';
    if (GENERATED_SECRET_TYPES.has(type)) return [];
    return ['data', 'stringData'].flatMap((field) =>
      (target.root.get(field)?.entries() ?? []).flatMap(([key, value]): Violation[] => {
        const text = value.str();
        if (text === undefined || isPlaceholder(text)) return [];
        if (type === 'kubernetes.io/tls' && PUBLIC_TLS_KEYS.has(key)) return [];
        return [{ line: value.line, resource: target.resource, detail: `${field}.${key}` }];
      }),
    );
  },
};

const runAsGroupZero: IacRule<K8sObject> = {
  id: 'k8s-run-as-group-0',
  title: 'Container runs with group 0 (root)',
  description:
    '`runAsGroup: 0` gives the container process the root group, which owns many host and image files writable by group; through a host mount or an escape it reads and changes them.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Set `runAsGroup` (and `fsGroup`) to a non-zero GID, at pod or container level.',
  check: (target) =>
    oncePerLine(
      containersOf(target).flatMap((container) => {
        const group = effectiveSecurity(target, container, 'runAsGroup');
        return group.value && isZero(group.value) ? [{ line: group.value.line, resource: group.fromPod ? target.resource : container.resource }] : [];
      }),
    ),
};

const sharedProcessNamespace: IacRule<K8sObject> = {
  id: 'k8s-share-process-namespace',
  title: 'Containers of the pod share one process namespace',
  description:
    "With `shareProcessNamespace: true` every container sees the others' processes and, through /proc/<pid>/root and /proc/<pid>/environ, their files and environment: a compromised app container can read a sidecar's credentials.",
  severity: 'medium',
  cwe: 668,
  remediation: 'Remove `shareProcessNamespace: true`; use an ephemeral debug container (`kubectl debug --target`) when a process needs inspecting.',
  check: (target) => {
    const setting = target.podSpec?.get('shareProcessNamespace');
    return setting?.isTrue() ? [{ line: setting.line, resource: target.resource }] : [];
  },
};

const windowsHostProcess: IacRule<K8sObject> = {
  id: 'k8s-windows-host-process',
  title: 'Windows container runs as a host process',
  description:
    '`windowsOptions.hostProcess: true` runs the container directly on the Windows node, with host networking and access to its filesystem: the Windows equivalent of a privileged container.',
  severity: 'high',
  cwe: 250,
  remediation: 'Remove `hostProcess: true`; run node-level agents only in reviewed, dedicated namespaces where the Baseline Pod Security Standard is deliberately relaxed.',
  check: (target) => {
    const podSetting = target.podSpec?.at('securityContext', 'windowsOptions', 'hostProcess');
    const fromPod: Violation[] = podSetting?.isTrue() ? [{ line: podSetting.line, resource: target.resource }] : [];
    const fromContainers = containersOf(target).flatMap((container): Violation[] => {
      const setting = container.node.at('securityContext', 'windowsOptions', 'hostProcess');
      return setting?.isTrue() ? [{ line: setting.line, resource: container.resource }] : [];
    });
    return [...fromPod, ...fromContainers];
  },
};

/** SELinux types the Baseline Pod Security Standard allows (kubernetes.io, "Pod Security Standards"). */
const ALLOWED_SELINUX_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

function selinuxType(securityContext: Located | undefined): Located | undefined {
  const type = securityContext?.at('seLinuxOptions', 'type');
  const name = type?.str();
  return type && name !== undefined && name !== '' && !ALLOWED_SELINUX_TYPES.has(name) ? type : undefined;
}

const customSelinuxType: IacRule<K8sObject> = {
  id: 'k8s-selinux-custom-type',
  title: 'Container runs under a custom SELinux type',
  description:
    'An SELinux type outside the container types (for example `spc_t`, the "super privileged container" type, or `unconfined_t`) lifts the confinement that keeps the container away from host files and processes.',
  severity: 'medium',
  cwe: 693,
  remediation: 'Remove `seLinuxOptions.type`, or use one of container_t, container_init_t, container_kvm_t or container_engine_t.',
  check: (target) => {
    const podType = selinuxType(target.podSpec?.get('securityContext'));
    const fromPod: Violation[] = podType ? [{ line: podType.line, resource: target.resource, detail: `SELinux type ${podType.str() ?? ''}` }] : [];
    const fromContainers = containersOf(target).flatMap((container): Violation[] => {
      const type = selinuxType(container.node.get('securityContext'));
      return type ? [{ line: type.line, resource: container.resource, detail: `SELinux type ${type.str() ?? ''}` }] : [];
    });
    return [...fromPod, ...fromContainers];
  },
};

const serviceExternalIps: IacRule<K8sObject> = {
  id: 'k8s-service-external-ips',
  title: 'Service claims external IP addresses',
  description:
    'A Service with `externalIPs` makes every node route traffic for those addresses to it. Anyone allowed to create such a Service can intercept traffic meant for another host or service (CVE-2020-8554).',
  severity: 'medium',
  cwe: 923,
  remediation: 'Expose the Service through a LoadBalancer or Ingress instead, and block `externalIPs` cluster-wide with an admission policy.',
  check: (target) => {
    if (target.kind !== 'Service') return [];
    const addresses = target.root.at('spec', 'externalIPs');
    return addresses && addresses.items().length > 0 ? [{ line: addresses.line, resource: target.resource, detail: `external IPs ${addresses.items().map((item) => item.str() ?? '').join(', ')}` }] : [];
  },
};

export const workloadRules: readonly IacRule<K8sObject>[] = [
  serviceAccountAutomount,
  committedSecretValue,
  runAsGroupZero,
  sharedProcessNamespace,
  windowsHostProcess,
  customSelinuxType,
  serviceExternalIps,
];
