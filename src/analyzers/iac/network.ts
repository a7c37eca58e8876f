/** Facts about network exposure that every cloud framework's firewall checks share. */

/** Sources meaning "the whole internet". */
export const ANYWHERE: ReadonlySet<string> = new Set(['0.0.0.0/0', '::/0']);

/** Remote-login ports an open firewall must not expose. */
export const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [3389, 'RDP'],
]);

/** One ingress rule as written: its protocol and port range where literal, and its open sources' lines. */
export interface Ingress {
  readonly protocol?: string;
  readonly from?: number;
  readonly to?: number;
  /** Lines of sources that are the whole internet. */
  readonly openLines: readonly number[];
}

const TCP_OR_UDP = new Set(['tcp', 'udp', '6', '17']);

/** Protocol -1 (every protocol and port), or TCP/UDP over the whole port range. */
export function isAllTraffic(ingress: Ingress): boolean {
  if (ingress.protocol === '-1' || ingress.protocol === 'all') return true;
  return ingress.protocol !== undefined && TCP_OR_UDP.has(ingress.protocol) && ingress.from !== undefined && ingress.to !== undefined && ingress.from <= 1 && ingress.to >= 65535;
}

/** The admin ports (`SSH (22)`) a literal port range covers. */
export function exposedAdminPorts(from: number, to: number): string[] {
  return [...ADMIN_PORTS].filter(([port]) => from <= port && port <= to).map(([port, name]) => `${name} (${port})`);
}
