import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';
import { setting, type ComposeService } from '../framework.js';

/** A service setting equal to `host`, the value that joins a host namespace. */
function hostMode(service: ComposeService, key: string): Violation[] {
  const mode = setting(service, key);
  return mode?.str()?.trim().toLowerCase() === 'host' ? [{ line: mode.line, resource: service.resource, detail: `${key}: host` }] : [];
}

const hostUserNamespace: IacRule<ComposeService> = {
  id: 'compose-userns-host',
  title: 'Service opts out of user namespace remapping',
  description:
    '`userns_mode: host` exempts the container from the daemon’s user namespace remapping, so root in the container is root on the host again: the protection the host was configured with no longer applies to this service.',
  severity: 'high',
  cwe: 250,
  remediation: 'Remove `userns_mode: host` so the service runs with remapped, unprivileged host IDs.',
  check: (service) => hostMode(service, 'userns_mode'),
};

const hostCgroupNamespace: IacRule<ComposeService> = {
  id: 'compose-cgroup-host',
  title: 'Service shares the host cgroup namespace',
  description:
    '`cgroup: host` shows the container the host’s whole cgroup hierarchy, revealing the other containers and services on the host, and removes a layer that cgroup-based escapes (release_agent) have to get through.',
  severity: 'low',
  cwe: 668,
  remediation: 'Remove `cgroup: host` (or set `cgroup: private`).',
  check: (service) => hostMode(service, 'cgroup'),
};

const hostUtsNamespace: IacRule<ComposeService> = {
  id: 'compose-uts-host',
  title: 'Service shares the host UTS namespace',
  description: '`uts: host` gives the container the host’s hostname and domain name; a container with enough privilege can change them for the whole host and everything that relies on them.',
  severity: 'low',
  cwe: 668,
  remediation: 'Remove `uts: host`; set `hostname:` if the service needs a particular name.',
  check: (service) => hostMode(service, 'uts'),
};

/** Host devices that give raw access to memory or to whole disks (and so to every file on them). */
const SENSITIVE_DEVICE = [
  /^\/dev\/?$/,
  /^\/dev\/(mem|kmem|port)$/,
  /^\/dev\/(sd|hd|vd|xvd)[a-z]{1,3}[0-9]{0,3}$/,
  /^\/dev\/nvme[0-9]{1,3}(n[0-9]{1,3}(p[0-9]{1,3})?)?$/,
  /^\/dev\/(dm-|loop|md)[0-9]{1,4}$/,
  /^\/dev\/(mapper|disk)\/[^/]/,
];

/** The host side of a `devices:` entry: `/dev/sda:/dev/xvda:rwm`, or the long form's `source`. */
function hostDevice(entry: Located): Located | undefined {
  return entry.isMap() ? entry.get('source') : entry;
}

const sensitiveDevice: IacRule<ComposeService> = {
  id: 'compose-sensitive-device',
  title: 'Host disk or memory device passed to the service',
  description:
    'A `devices:` entry gives the container a host block device (`/dev/sda`, `/dev/nvme0n1`, `/dev/mapper/…`), physical memory (`/dev/mem`) or all of `/dev`. With it the container reads and rewrites the host’s files below every permission check.',
  severity: 'high',
  cwe: 250,
  remediation: 'Remove the device mapping; give the service a volume or bind mount of just the data it needs.',
  check: (service) =>
    (setting(service, 'devices')?.items() ?? []).flatMap((entry): Violation[] => {
      const source = hostDevice(entry);
      const path = source?.str()?.trim().split(':')[0] ?? '';
      return source && SENSITIVE_DEVICE.some((pattern) => pattern.test(path)) ? [{ line: entry.line, resource: service.resource, detail: `host device ${path}` }] : [];
    }),
};

/** `a *:* rwm` (every device) or `b *:* rw` (every block device): the kinds that reach the host's disks. */
function opensAllDevices(rule: string): boolean {
  const [type, numbers, access] = rule.trim().split(/\s+/);
  if (type === undefined || numbers === undefined) return false;
  const major = numbers.split(':')[0];
  const grantsAccess = access === undefined || /[rw]/.test(access);
  return grantsAccess && (type === 'a' || (type === 'b' && major === '*'));
}

const permissiveDeviceRule: IacRule<ComposeService> = {
  id: 'compose-device-cgroup-all',
  title: 'Service may use every host device',
  description:
    'A `device_cgroup_rules` entry such as `a *:* rwm` or `b *:* rwm` lets the container open any (block) device; with the default MKNOD capability it can create a node for the host’s disk and read or rewrite it.',
  severity: 'medium',
  cwe: 250,
  remediation: 'Allow only the specific device numbers the service needs (`c 189:* rmw` for USB serial devices, for example).',
  check: (service) =>
    (setting(service, 'device_cgroup_rules')?.items() ?? []).flatMap((entry): Violation[] => {
      const rule = entry.str();
      return rule !== undefined && opensAllDevices(rule) ? [{ line: entry.line, resource: service.resource, detail: `device rule "${rule.trim()}"` }] : [];
    }),
};

export const RESOURCE_RULES: readonly IacRule<ComposeService>[] = [hostUserNamespace, hostCgroupNamespace, hostUtsNamespace, sensitiveDevice, permissiveDeviceRule];
