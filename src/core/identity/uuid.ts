import { v5 as uuidv5 } from 'uuid';
import type { Finding } from '../finding.js';
import { findingUuidName, identifierFingerprint, locationFingerprint } from './fingerprint.js';

/** GitLab's namespaces for finding UUIDs; `production` is the one GitLab.com and self-managed use. */
export const UUID_NAMESPACES = {
  production: '58dc0f06-936c-43b3-93bb-71693f1b6570',
  staging: 'a6930898-a1b2-4365-ab18-12aa474d9b26',
  test: 'a143e9e2-41b3-47bc-9a19-081d089229f4',
} as const;

export const DEFAULT_UUID_NAMESPACE = UUID_NAMESPACES.production;

/** RFC 4122 UUIDv5 (SHA-1) of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = DEFAULT_UUID_NAMESPACE): string {
  return uuidv5(name, namespace);
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
