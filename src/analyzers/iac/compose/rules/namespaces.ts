import type { IacRule } from '../../types.js';
import { setting, type ComposeService } from '../framework.js';

function hostNamespaceRule(key: 'network_mode' | 'pid' | 'ipc', rule: Omit<IacRule<ComposeService>, 'check'>): IacRule<ComposeService> {
  return {
    ...rule,
    check: (service) => {
      const mode = setting(service, key);
      return mode?.str()?.trim().toLowerCase() === 'host' ? [{ line: mode.line, resource: service.resource, detail: `${key}: host` }] : [];
    },
  };
}

const hostNetwork = hostNamespaceRule('network_mode', {
  id: 'compose-host-network',
  title: 'Service shares the host network',
  description:
    '`network_mode: host` puts the container on the host’s network stack. It can bind any host port, reach services listening only on localhost, and sniff or spoof host traffic; port mappings and network isolation no longer apply.',
  severity: 'high',
  cwe: 668,
  remediation: 'Remove `network_mode: host`; attach the service to a compose network and publish only the ports it serves.',
});

const hostPid = hostNamespaceRule('pid', {
  id: 'compose-host-pid',
  title: 'Service shares the host process namespace',
  description:
    '`pid: host` lets the container see every process on the host. With enough privilege it can signal or trace them, and it can read their command lines and environment, which often hold secrets.',
  severity: 'high',
  cwe: 668,
  remediation: 'Remove `pid: host`; use `pid: "service:<name>"` when two services really must share processes.',
});

const hostIpc = hostNamespaceRule('ipc', {
  id: 'compose-host-ipc',
  title: 'Service shares the host IPC namespace',
  description:
    '`ipc: host` gives the container the host’s shared memory segments, semaphores and message queues, so it can read or tamper with the data host processes exchange there.',
  severity: 'medium',
  cwe: 668,
  remediation: 'Remove `ipc: host`; use `ipc: shareable` and `ipc: "service:<name>"` to share IPC between specific services only.',
});

export const NAMESPACE_RULES: readonly IacRule<ComposeService>[] = [hostNetwork, hostPid, hostIpc];
