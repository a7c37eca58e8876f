import type { IacRule, Violation } from '../../types.js';
import { setting, type ComposeService } from '../framework.js';

/** Capabilities that each give a container a way out to the host or over its other processes. */
const DANGEROUS_CAPABILITIES = new Set(['ALL', 'SYS_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'NET_ADMIN', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE']);

const privileged: IacRule<ComposeService> = {
  id: 'compose-privileged',
  title: 'Service runs privileged',
  description:
    '`privileged: true` gives the container every capability and access to all host devices, with no seccomp or AppArmor confinement. A compromise of the service is a compromise of the host.',
  severity: 'high',
  cwe: 250,
  remediation: 'Remove `privileged: true`; add only the specific capabilities or devices the service needs (`cap_add`, `devices`).',
  check: (service) => {
    const flag = setting(service, 'privileged');
    return flag?.isTrue() ? [{ line: flag.line, resource: service.resource }] : [];
  },
};

const dangerousCapability: IacRule<ComposeService> = {
  id: 'compose-dangerous-capability',
  title: 'Dangerous Linux capability added',
  description:
    '`cap_add` grants a capability such as SYS_ADMIN, SYS_PTRACE, NET_ADMIN or ALL. These let a process in the container load kernel modules, mount file systems, trace other processes or reconfigure the network, which are well-known ways to escape to the host.',
  severity: 'high',
  cwe: 250,
  remediation: 'Drop the capability from `cap_add`; start from `cap_drop: [ALL]` and add back only narrow ones like NET_BIND_SERVICE.',
  check: (service) =>
    (setting(service, 'cap_add')?.items() ?? []).flatMap((item): Violation[] => {
      const name = (item.str() ?? '').trim().toUpperCase().replace(/^CAP_/, '');
      return DANGEROUS_CAPABILITIES.has(name) ? [{ line: item.line, resource: service.resource, detail: `capability ${name} added` }] : [];
    }),
};

/** `seccomp:unconfined`, `apparmor=unconfined`, `label:disable`, `systempaths=unconfined`. */
const UNCONFINED = /^(seccomp|apparmor|systempaths)\s*[:=]\s*unconfined$|^label\s*[:=]\s*disable$/i;

const unconfinedProfile: IacRule<ComposeService> = {
  id: 'compose-unconfined-security-profile',
  title: 'Seccomp, AppArmor or SELinux confinement disabled',
  description:
    '`security_opt` turns off a kernel confinement layer (`seccomp:unconfined`, `apparmor:unconfined`, `label:disable`). The container can then make system calls and touch files that the default profiles block, widening the kernel attack surface.',
  severity: 'medium',
  cwe: 693,
  remediation: 'Remove the option to keep Docker’s default profiles, or supply a custom profile that allows only the extra calls needed.',
  check: (service) =>
    (setting(service, 'security_opt')?.items() ?? []).flatMap((item): Violation[] => {
      const option = (item.str() ?? '').trim();
      return UNCONFINED.test(option) ? [{ line: item.line, resource: service.resource, detail: option }] : [];
    }),
};

function isRootUser(spec: string): boolean {
  const user = spec.split(':')[0]?.trim().toLowerCase() ?? '';
  return user === 'root' || user === '0';
}

const rootUser: IacRule<ComposeService> = {
  id: 'compose-root-user',
  title: 'Service set to run as root',
  description:
    '`user:` sets the container process to root (`root` or UID 0), overriding any unprivileged user the image chose. Any flaw in the service then runs with root rights inside the container.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Set `user:` to an unprivileged UID:GID (`user: "10001:10001"`) or remove it to keep the image’s own non-root user.',
  check: (service) => {
    const user = setting(service, 'user');
    const spec = user?.str();
    return user && spec !== undefined && isRootUser(spec) ? [{ line: user.line, resource: service.resource, detail: `user ${spec}` }] : [];
  },
};

export const PRIVILEGE_RULES: readonly IacRule<ComposeService>[] = [privileged, dangerousCapability, unconfinedProfile, rootUser];
