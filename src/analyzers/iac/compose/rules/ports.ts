import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';
import { setting, type ComposeService } from '../framework.js';

/** Ports of data stores that should never face the network directly. */
const DATABASE_PORTS: ReadonlyMap<number, string> = new Map([
  [3306, 'MySQL'],
  [5432, 'PostgreSQL'],
  [6379, 'Redis'],
  [27017, 'MongoDB'],
  [1433, 'SQL Server'],
  [9200, 'Elasticsearch'],
  [11211, 'Memcached'],
]);

/** A published port: the host address it binds (undefined = all) and the container port range. */
interface Published {
  readonly hostIp?: string;
  readonly low: number;
  readonly high: number;
}

function range(text: string): { low: number; high: number } | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const low = Number(match[1]);
  return { low, high: match[2] !== undefined ? Number(match[2]) : low };
}

/** Short syntax `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 hosts in brackets. */
function parseShort(spec: string): Published | undefined {
  let rest = spec.trim().replace(/\/(tcp|udp|sctp)$/i, '');
  let hostIp: string | undefined;
  const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(rest);
  if (bracketed) {
    hostIp = bracketed[1];
    rest = bracketed[2] ?? '';
  }
  const parts = rest.split(':');
  if (!bracketed && parts.length === 3) hostIp = parts[0];
  const container = range(parts.at(-1) ?? '');
  // Only a port that is published to the host counts; `hostIp` may still be undefined (all interfaces).
  return container ? { ...(hostIp !== undefined ? { hostIp } : {}), ...container } : undefined;
}

function published(port: Located): Published | undefined {
  if (port.isMap()) {
    const target = range(port.get('target')?.str() ?? '');
    const hostIp = port.get('host_ip')?.str();
    return target ? { ...(hostIp !== undefined ? { hostIp } : {}), ...target } : undefined;
  }
  const spec = port.str();
  return spec === undefined ? undefined : parseShort(spec);
}

function bindsAllInterfaces(hostIp: string | undefined): boolean {
  return hostIp === undefined || hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::';
}

const databasePortPublic: IacRule<ComposeService> = {
  id: 'compose-database-port-public',
  title: 'Database port published on all interfaces',
  description:
    'A database or cache port (MySQL, PostgreSQL, Redis, MongoDB…) is published without a host address, or on 0.0.0.0, so it is reachable from any network the host is on. Docker’s port publishing also bypasses host firewalls such as ufw.',
  severity: 'medium',
  cwe: 668,
  remediation: 'Let other services reach the database over the compose network without publishing it, or bind it to loopback (`"127.0.0.1:5432:5432"`).',
  check: (service) =>
    (setting(service, 'ports')?.items() ?? []).flatMap((port): Violation[] => {
      const mapping = published(port);
      if (!mapping || !bindsAllInterfaces(mapping.hostIp)) return [];
      const hit = [...DATABASE_PORTS].find(([number]) => mapping.low <= number && number <= mapping.high);
      return hit ? [{ line: port.line, resource: service.resource, detail: `${hit[1]} port ${hit[0]}` }] : [];
    }),
};

export const PORT_RULES: readonly IacRule<ComposeService>[] = [databasePortPublic];
