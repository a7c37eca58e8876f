import { v5 as uuidv5 } from 'uuid';
import type { Finding } from '../finding.js';
import { findingUuidName, identifierFingerprint, locationFingerprint, sha1Digest } from './fingerprint.js';

/** GitLab's namespaces for finding UUIDs; `production` is the one GitLab.com and self-managed use. */
export const UUID_NAMESPACES = {
  production: '58dc0f06-936c-43b3-93bb-71693f1b6570',
  staging: 'a6930898-a1b2-4365-ab18-12aa474d9b26',
  test: 'a143e9e2-41b3-47bc-9a19-081d089229f4',
} as const;

export const DEFAULT_UUID_NAMESPACE = UUID_NAMESPACES.production;

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const namespaceBytes = new Map<string, Buffer>();

/**
 * RFC 4122 UUIDv5 (SHA-1) of `name` in `namespace`. Namespaces are parsed once: ingest computes
 * a UUID per finding, hundreds of thousands per report. Anything unusual goes to the uuid package.
 */
export function uuidV5(name: string, namespace: string = DEFAULT_UUID_NAMESPACE): string {
  let ns = namespaceBytes.get(namespace);
  if (ns === undefined) {
    if (!UUID_TEXT.test(namespace) || namespaceBytes.size > 64) return uuidv5(name, namespace);
    ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
    namespaceBytes.set(namespace, ns);
  }
  const digest = sha1Digest(Buffer.concat([ns, Buffer.from(name, 'utf8')]));
  digest[6] = ((digest[6] as number) & 0x0f) | 0x50;
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80;
  const hex = digest.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export interface FindingUuidOptions {
  readonly projectId: number | string;
  readonly namespace?: string;
}

/** The durable vulnerability key GitLab computes for a finding in a project. */
export function findingUuid(finding: Finding, options: FindingUuidOptions): string {
  const name = findingUuidName(
    finding.reportType,
    identifierFingerprint(finding.identifiers[0]),
    locationFingerprint(finding.location),
    options.projectId,
  );
  return uuidV5(name, options.namespace ?? DEFAULT_UUID_NAMESPACE);
}
