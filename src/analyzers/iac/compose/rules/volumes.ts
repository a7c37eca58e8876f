import type { Located } from '../../located-yaml.js';
import type { IacRule, Violation } from '../../types.js';
import { setting, type ComposeService } from '../framework.js';

/** A host path bind-mounted into the service, with the line of its volume entry. */
interface HostMount {
  readonly source: string;
  readonly line: number;
}

/** The host side of a volume entry, when it is an absolute host path (named volumes are not). */
function hostSource(volume: Located): string | undefined {
  if (volume.isMap()) {
    const type = volume.get('type')?.str();
    const source = volume.get('source')?.str();
    return (type === undefined || type === 'bind') && source?.startsWith('/') ? source : undefined;
  }
  const spec = volume.str() ?? '';
  // Short syntax `SOURCE:TARGET[:MODE]`; a lone path is an anonymous volume, not a host mount.
  const colon = spec.indexOf(':');
  if (colon < 0) return undefined;
  const source = spec.slice(0, colon);
  return source.startsWith('/') ? source : undefined;
}

function hostMounts(service: ComposeService): HostMount[] {
  return (setting(service, 'volumes')?.items() ?? []).flatMap((volume) => {
    const source = hostSource(volume);
    return source === undefined ? [] : [{ source: normalise(source), line: volume.line }];
  });
}

/** `/etc/` → `/etc`, `//var//run` → `/var/run`; the root stays `/`. */
function normalise(path: string): string {
  const collapsed = path.replace(/\/+/g, '/').replace(/\/\.(?=\/|$)/g, '');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

const RUNTIME_SOCKET = /\/(docker|podman|containerd|crio)\.sock$/;

const dockerSocket: IacRule<ComposeService> = {
  id: 'compose-docker-socket-mount',
  title: 'Container runtime socket mounted',
  description:
    'The service mounts the Docker (or containerd/Podman) socket. Whoever controls the service can then start a privileged container with the host file system mounted: full root on the host. A read-only mount does not help, since the API still accepts commands.',
  severity: 'critical',
  cwe: 250,
  remediation: 'Do not mount the runtime socket; if a tool truly needs the Docker API, put a filtering proxy in front of it that allows only the calls the tool makes.',
  check: (service) =>
    hostMounts(service)
      .filter((mount) => RUNTIME_SOCKET.test(mount.source))
      .map((mount): Violation => ({ line: mount.line, resource: service.resource, detail: mount.source })),
};

/** Host directories whose contents control the host, or expose its kernel and devices. */
const SENSITIVE_HOST_PATHS = new Set(['/', '/etc', '/root', '/boot', '/proc', '/sys', '/dev', '/run', '/var/run', '/var/lib/docker', '/usr', '/bin', '/sbin', '/lib', '/home']);

const sensitiveHostMount: IacRule<ComposeService> = {
  id: 'compose-sensitive-host-mount',
  title: 'Sensitive host directory mounted',
  description:
    'The service bind-mounts a host system directory such as `/`, `/etc`, `/proc` or `/root`. The container can then read host secrets and, if the mount is writable, change the host’s configuration or binaries.',
  severity: 'high',
  cwe: 668,
  remediation: 'Mount only the specific files the service needs, read-only (`./config/app.conf:/etc/app.conf:ro`), or use a named volume.',
  check: (service) =>
    hostMounts(service)
      .filter((mount) => SENSITIVE_HOST_PATHS.has(mount.source))
      .map((mount): Violation => ({ line: mount.line, resource: service.resource, detail: `host path ${mount.source}` })),
};

export const VOLUME_RULES: readonly IacRule<ComposeService>[] = [dockerSocket, sensitiveHostMount];
