import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';
import { containerLine, containersOf, effectiveSecurity, oncePerLine, type K8sContainer, type K8sObject } from '../model.js';

function isFalse(node: Located | undefined): boolean {
  const value = node?.scalar();
  return value === false || value === 'false';
}

function isZero(node: Located | undefined): boolean {
  const value = node?.scalar();
  return value === 0 || value === '0';
}

function isPositive(node: Located | undefined): boolean {
  const value = Number(node?.scalar());
  return Number.isInteger(value) && value > 0;
}

/** `CAP_SYS_ADMIN`, `sys_admin` and `SYS_ADMIN` are the same capability to the runtime. */
function capabilityName(raw: string): string {
  return raw.trim().toUpperCase().replace(/^CAP_/, '');
}

/** Capabilities that let a container break out, read or rewrite the host, or spy on the network. */
const DANGEROUS_CAPABILITIES = new Set([
  'ALL',
  'SYS_ADMIN',
  'NET_ADMIN',
  'SYS_PTRACE',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'DAC_READ_SEARCH',
  'DAC_OVERRIDE',
  'NET_RAW',
  'BPF',
  'PERFMON',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'LINUX_IMMUTABLE',
  'SETFCAP',
  'SYSLOG',
]);

/** Sysctls Kubernetes documents as namespaced and safe (kubernetes.io, "Using sysctls in a Kubernetes Cluster"). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

const CONTAINER_RUNTIME_SOCKET = /\/(docker|containerd|crio|cri-dockerd|podman)\.sock$/;
/** Directories that hold a runtime socket: mounting them hands over the socket too. */
const SOCKET_DIRECTORIES = new Set(['/var/run', '/run', '/var/run/docker', '/var/run/containerd', '/run/containerd', '/var/run/crio', '/run/crio']);

function eachContainer(target: K8sObject, check: (container: K8sContainer) => Violation[]): Violation[] {
  return containersOf(target).flatMap(check);
}

function securityLine(container: K8sContainer): number {
  return container.node.get('securityContext')?.line ?? containerLine(container);
}

const privilegedContainer: IacRule<K8sObject> = {
  id: 'k8s-privileged-container',
  title: 'Container runs privileged',
  description: 'A privileged container has every capability and access to all host devices; a compromise of the container is a compromise of the node.',
  severity: 'high',
  cwe: 250,
  remediation: 'Remove `securityContext.privileged: true`; grant only the specific capability the workload needs, if any.',
  check: (target) =>
    eachContainer(target, (container) => {
      const privileged = container.node.at('securityContext', 'privileged');
      return privileged?.isTrue() ? [{ line: privileged.line, resource: container.resource }] : [];
    }),
};

const privilegeEscalation: IacRule<K8sObject> = {
  id: 'k8s-privilege-escalation-allowed',
  title: 'Container allows privilege escalation',
  description: 'Unless `allowPrivilegeEscalation` is false, a process in the container can gain more privileges than its parent (setuid binaries, file capabilities).',
  severity: 'medium',
  cwe: 269,
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  check: (target) =>
    eachContainer(target, (container) => {
      const setting = container.node.at('securityContext', 'allowPrivilegeEscalation');
      if (isFalse(setting)) return [];
      return [{ line: setting?.line ?? securityLine(container), resource: container.resource }];
    }),
};

const runsAsRoot: IacRule<K8sObject> = {
  id: 'k8s-run-as-root-allowed',
  title: 'Container may run as root',
  description: 'Neither the container nor the pod sets `runAsNonRoot: true` or a non-zero `runAsUser`, so the image decides, and most images run as root.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Set `securityContext.runAsNonRoot: true` (pod or container level) and run the image as a non-root user.',
  check: (target) =>
    oncePerLine(
      eachContainer(target, (container) => {
        const nonRoot = effectiveSecurity(target, container, 'runAsNonRoot');
        if (nonRoot.value?.isTrue() || isPositive(effectiveSecurity(target, container, 'runAsUser').value)) return [];
        if (isFalse(nonRoot.value) && nonRoot.value) {
          return [{ line: nonRoot.value.line, resource: nonRoot.fromPod ? target.resource : container.resource, detail: 'runAsNonRoot is false' }];
        }
        return [{ line: securityLine(container), resource: container.resource }];
      }),
    ),
};

const runAsUserZero: IacRule<K8sObject> = {
  id: 'k8s-run-as-uid-0',
  title: 'Container runs as user 0 (root)',
  description: '`runAsUser: 0` makes the container process root, which turns any escape or writable host mount into root on the node.',
  severity: 'high',
  cwe: 250,
  remediation: 'Set `runAsUser` to a non-zero UID (10000 or above avoids clashes with host users) and `runAsNonRoot: true`.',
  check: (target) =>
    oncePerLine(
      eachContainer(target, (container) => {
        const user = effectiveSecurity(target, container, 'runAsUser');
        return user.value && isZero(user.value) ? [{ line: user.value.line, resource: user.fromPod ? target.resource : container.resource }] : [];
      }),
    ),
};

const writableRootFilesystem: IacRule<K8sObject> = {
  id: 'k8s-writable-root-filesystem',
  title: 'Container root filesystem is writable',
  description: 'Without `readOnlyRootFilesystem: true` an attacker in the container can drop tools, modify binaries and persist changes for the life of the pod.',
  severity: 'low',
  cwe: 732,
  remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the application needs to write.',
  check: (target) =>
    eachContainer(target, (container) => {
      const setting = container.node.at('securityContext', 'readOnlyRootFilesystem');
      if (setting?.isTrue()) return [];
      return [{ line: setting?.line ?? securityLine(container), resource: container.resource }];
    }),
};

const dangerousCapability: IacRule<K8sObject> = {
  id: 'k8s-dangerous-capability-added',
  title: 'Container adds a dangerous Linux capability',
  description: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE or ALL give the container powers close to root on the host: mounting filesystems, rewriting the network, reading other processes.',
  severity: 'high',
  cwe: 250,
  remediation: 'Remove the capability from `securityContext.capabilities.add`; if one is truly needed, add only that one and drop ALL the others.',
  check: (target) =>
    eachContainer(target, (container) =>
      (container.node.at('securityContext', 'capabilities', 'add')?.items() ?? []).flatMap((item) => {
        const raw = item.str();
        if (raw === undefined || !DANGEROUS_CAPABILITIES.has(capabilityName(raw))) return [];
        return [{ line: item.line, resource: container.resource, detail: `capability ${capabilityName(raw)} added` }];
      }),
    ),
};

const capabilitiesNotDropped: IacRule<K8sObject> = {
  id: 'k8s-capabilities-not-dropped',
  title: 'Container does not drop all capabilities',
  description: 'Container runtimes grant a default set of capabilities (NET_RAW, CHOWN, SETUID…) that most applications never use; each one is attack surface.',
  severity: 'low',
  cwe: 250,
  remediation: 'Set `securityContext.capabilities.drop: ["ALL"]` and add back only what the application needs.',
  check: (target) =>
    eachContainer(target, (container) => {
      const capabilities = container.node.at('securityContext', 'capabilities');
      const drop = capabilities?.get('drop');
      if ((drop?.items() ?? []).some((item) => capabilityName(item.str() ?? '') === 'ALL')) return [];
      return [{ line: drop?.line ?? capabilities?.line ?? securityLine(container), resource: container.resource }];
    }),
};

function hostNamespaceRule(id: string, field: string, title: string, description: string): IacRule<K8sObject> {
  return {
    id,
    title,
    description,
    severity: 'high',
    cwe: 250,
    remediation: `Remove \`${field}: true\` from the pod spec; the pod does not need the host's namespace to serve its purpose in almost every case.`,
    check: (target) => {
      const setting = target.podSpec?.get(field);
      return setting?.isTrue() ? [{ line: setting.line, resource: target.resource }] : [];
    },
  };
}

const hostNetwork = hostNamespaceRule(
  'k8s-host-network',
  'hostNetwork',
  'Pod shares the host network namespace',
  'With `hostNetwork: true` the pod sees every interface of the node, can sniff its traffic and reach services bound to localhost, and bypasses network policies.',
);
const hostPid = hostNamespaceRule(
  'k8s-host-pid',
  'hostPID',
  'Pod shares the host process namespace',
  'With `hostPID: true` the pod sees every process of the node and, with enough privilege, can read their memory and environment or signal them.',
);
const hostIpc = hostNamespaceRule(
  'k8s-host-ipc',
  'hostIPC',
  'Pod shares the host IPC namespace',
  "With `hostIPC: true` the pod can read and write the node's shared memory segments and message queues, which other processes use to exchange data.",
);

function hostPathVolumes(target: K8sObject): { name: string; hostPath: Located }[] {
  return (target.podSpec?.get('volumes')?.items() ?? []).flatMap((volume) => {
    const hostPath = volume.get('hostPath');
    return hostPath ? [{ name: volume.get('name')?.str() ?? '(unnamed)', hostPath }] : [];
  });
}

const hostPathVolume: IacRule<K8sObject> = {
  id: 'k8s-host-path-volume',
  title: 'Pod mounts a directory of the host',
  description: "A `hostPath` volume exposes the node's filesystem to the pod; a writable one lets the container alter the host, and even a read-only one can leak credentials and keys.",
  severity: 'medium',
  cwe: 668,
  remediation: 'Use a `persistentVolumeClaim`, `configMap`, `secret` or `emptyDir` volume instead of `hostPath`; if the host path is unavoidable, mount it read-only and as narrowly as possible.',
  check: (target) =>
    hostPathVolumes(target).map(({ name, hostPath }) => ({ line: hostPath.line, resource: `volume "${name}" of ${target.resource}`, detail: `host path ${hostPath.get('path')?.str() ?? '(none)'}` })),
};

const runtimeSocket: IacRule<K8sObject> = {
  id: 'k8s-container-runtime-socket',
  title: 'Pod mounts the container runtime socket',
  description: 'Mounting docker.sock (or the containerd/CRI-O socket) gives the pod full control of the container runtime: it can start a privileged container and take over the node.',
  severity: 'critical',
  cwe: 250,
  remediation: 'Do not mount the runtime socket; build images with a daemonless builder (Kaniko, Buildah) and query the cluster through the Kubernetes API with a narrow service account.',
  check: (target) =>
    hostPathVolumes(target).flatMap(({ name, hostPath }) => {
      const path = hostPath.get('path');
      const value = path?.str()?.replace(/\/+$/, '') ?? '';
      if (!path || !(CONTAINER_RUNTIME_SOCKET.test(value) || SOCKET_DIRECTORIES.has(value))) return [];
      return [{ line: path.line, resource: `volume "${name}" of ${target.resource}`, detail: `host path ${value}` }];
    }),
};

const hostPort: IacRule<K8sObject> = {
  id: 'k8s-host-port',
  title: 'Container binds a port on the host',
  description: "A `hostPort` opens the port on the node's own address, outside Services and network policies, and limits where the pod can be scheduled.",
  severity: 'low',
  cwe: 668,
  remediation: 'Remove `hostPort` and expose the container through a Service.',
  check: (target) =>
    containersOf(target, ['containers', 'initContainers']).flatMap((container) =>
      (container.node.get('ports')?.items() ?? []).flatMap((port) => {
        const bound = port.get('hostPort');
        return bound && isPositive(bound) ? [{ line: bound.line, resource: container.resource, detail: `host port ${bound.str() ?? ''}` }] : [];
      }),
    ),
};

/** The seccomp profile named by the pre-1.19 annotations, with the line of the annotation. */
function seccompAnnotation(target: K8sObject, container: K8sContainer): Located | undefined {
  const annotations = target.podMetadata?.get('annotations');
  return annotations?.get(`container.seccomp.security.alpha.kubernetes.io/${container.name}`) ?? annotations?.get('seccomp.security.alpha.kubernetes.io/pod');
}

const CONFINED_SECCOMP = /^(RuntimeDefault|Localhost)$/;
const CONFINED_SECCOMP_ANNOTATION = /^(runtime\/default|docker\/default|localhost\/.+)$/;

const seccompUnconfined: IacRule<K8sObject> = {
  id: 'k8s-seccomp-not-confined',
  title: 'Container runs without a seccomp profile',
  description: 'Without a RuntimeDefault or Localhost seccomp profile every system call is open to the container, including rarely needed ones that kernel exploits rely on.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Set `securityContext.seccompProfile.type: RuntimeDefault` at pod level (or Localhost with a reviewed profile).',
  check: (target) =>
    oncePerLine(
      eachContainer(target, (container) => {
        const profile = effectiveSecurity(target, container, 'seccompProfile');
        const type = profile.value?.get('type');
        if (CONFINED_SECCOMP.test(type?.str() ?? '')) return [];
        const resource = profile.fromPod ? target.resource : container.resource;
        if (type) return [{ line: type.line, resource, detail: `seccomp profile ${type.str() ?? '(empty)'}` }];
        const annotation = seccompAnnotation(target, container);
        if (annotation && CONFINED_SECCOMP_ANNOTATION.test(annotation.str() ?? '')) return [];
        if (annotation) return [{ line: annotation.line, resource: container.resource, detail: `seccomp annotation ${annotation.str() ?? '(empty)'}` }];
        return [{ line: securityLine(container), resource: container.resource }];
      }),
    ),
};

const appArmorUnconfined: IacRule<K8sObject> = {
  id: 'k8s-apparmor-unconfined',
  title: 'Container runs with AppArmor unconfined',
  description: 'An `unconfined` AppArmor profile switches off the mandatory access control the node applies to containers by default.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Remove the Unconfined setting so the runtime default profile applies, or name a reviewed `localhost/` profile.',
  check: (target) => {
    const fromAnnotations = (target.podMetadata?.get('annotations')?.entries() ?? []).flatMap(([key, value]) =>
      key.startsWith('container.apparmor.security.beta.kubernetes.io/') && value.str()?.toLowerCase() === 'unconfined'
        ? [{ line: value.line, resource: `container "${key.slice(key.indexOf('/') + 1)}" of ${target.resource}` }]
        : [],
    );
    const podType = target.podSpec?.at('securityContext', 'appArmorProfile', 'type');
    const fromPod = podType?.str() === 'Unconfined' ? [{ line: podType.line, resource: target.resource }] : [];
    const fromContainers = eachContainer(target, (container) => {
      const type = container.node.at('securityContext', 'appArmorProfile', 'type');
      return type?.str() === 'Unconfined' ? [{ line: type.line, resource: container.resource }] : [];
    });
    return [...fromAnnotations, ...fromPod, ...fromContainers];
  },
};

const procMountUnmasked: IacRule<K8sObject> = {
  id: 'k8s-proc-mount-unmasked',
  title: 'Container mounts /proc unmasked',
  description: "`procMount: Unmasked` removes the masking of sensitive /proc paths, exposing kernel and host information and weakening the container's isolation.",
  severity: 'high',
  cwe: 250,
  remediation: 'Remove `procMount` or set it to `Default`.',
  check: (target) =>
    eachContainer(target, (container) => {
      const mount = container.node.at('securityContext', 'procMount');
      return mount?.str() === 'Unmasked' ? [{ line: mount.line, resource: container.resource }] : [];
    }),
};

const unsafeSysctl: IacRule<K8sObject> = {
  id: 'k8s-unsafe-sysctl',
  title: 'Pod sets an unsafe sysctl',
  description: 'Sysctls outside the namespaced safe set change kernel settings that other pods on the node share, and can be used to weaken the node or starve it.',
  severity: 'medium',
  cwe: 269,
  remediation: 'Use only the sysctls Kubernetes documents as safe; tune anything else on dedicated nodes through node configuration.',
  check: (target) =>
    (target.podSpec?.at('securityContext', 'sysctls')?.items() ?? []).flatMap((sysctl) => {
      const name = sysctl.get('name')?.str();
      return name !== undefined && !SAFE_SYSCTLS.has(name) ? [{ line: sysctl.get('name')!.line, resource: target.resource, detail: `sysctl ${name}` }] : [];
    }),
};

const serviceAccountToken: IacRule<K8sObject> = {
  id: 'k8s-service-account-token-mounted',
  title: 'Pod mounts its service account token',
  description: 'Unless `automountServiceAccountToken` is false, every container gets a Kubernetes API token; an attacker in the pod can use it against the API server.',
  severity: 'low',
  cwe: 269,
  remediation: 'Set `automountServiceAccountToken: false` in the pod spec unless the application calls the Kubernetes API.',
  check: (target) => {
    if (!target.podSpec) return [];
    const setting = target.podSpec.get('automountServiceAccountToken');
    if (isFalse(setting)) return [];
    return [{ line: setting?.line ?? target.podSpec.line, resource: target.resource }];
  },
};

export const podSecurityRules: readonly IacRule<K8sObject>[] = [
  privilegedContainer,
  privilegeEscalation,
  runsAsRoot,
  runAsUserZero,
  writableRootFilesystem,
  dangerousCapability,
  capabilitiesNotDropped,
  hostNetwork,
  hostPid,
  hostIpc,
  hostPathVolume,
  runtimeSocket,
  hostPort,
  seccompUnconfined,
  appArmorUnconfined,
  procMountUnmasked,
  unsafeSysctl,
  serviceAccountToken,
];
