import type { Finding } from '../../core/finding.js';
import type { FindingIdentity } from '../../core/identity/signature.js';
import type { Location } from '../../core/location.js';
import type { IngestedFinding } from '../../formats/read/types.js';
import type { StoredIdentifier, VulnerabilityDetails } from '../db/schema.js';

/** One finding as the findings and vulnerabilities tables take it (JSON columns already serialised). */
export interface FindingRow {
  readonly uuid: string;
  readonly report_type: string;
  readonly severity: string;
  readonly title: string;
  readonly description: string;
  readonly solution: string | null;
  readonly primary_identifier_type: string;
  readonly primary_identifier_name: string;
  readonly primary_identifier_value: string;
  readonly primary_identifier_fingerprint: string;
  readonly identifier_keys: readonly string[];
  readonly identifiers: readonly StoredIdentifier[];
  readonly location: Location;
  readonly location_text: string;
  readonly location_fingerprint: string;
  readonly package_name: string | null;
  readonly package_version: string | null;
  readonly signatures: readonly { algorithm: string; value: string }[];
  readonly details: VulnerabilityDetails;
  /** The core finding, for findings.data. */
  readonly data: Finding;
}

/** Lower-cased keys the identifier filter matches: the name, `type:value`, and `cwe-N` for CWEs. */
export function identifierKeys(identifiers: readonly StoredIdentifier[]): string[] {
  const keys = new Set<string>();
  for (const identifier of identifiers) {
    keys.add(identifier.name.toLowerCase());
    keys.add(`${identifier.type}:${identifier.value}`.toLowerCase());
    if (identifier.type.toLowerCase() === 'cwe') keys.add(`cwe-${identifier.value}`.toLowerCase());
  }
  return [...keys].filter((key) => key.length <= 512);
}

export function locationText(location: Location): string {
  switch (location.kind) {
    case 'source':
    case 'dependency':
      return location.file;
    case 'image':
      return location.image;
    case 'http':
      return `${location.method} ${location.hostname}${location.path}`;
  }
}

function packageOf(location: Location): { name: string | null; version: string | null } {
  if (location.kind === 'dependency' || location.kind === 'image') return { name: location.packageName, version: location.version };
  return { name: null, version: null };
}

function details(ingested: IngestedFinding): VulnerabilityDetails {
  const f = ingested.finding;
  const out: VulnerabilityDetails = { links: f.links.map((l) => (l.name === undefined ? { url: l.url } : { name: l.name, url: l.url })), raw: ingested.raw };
  if (f.evidence !== undefined) out.evidence = f.evidence;
  if (f.cvssVectors !== undefined) out.cvssVectors = f.cvssVectors.map((c) => ({ vendor: c.vendor, vector: c.vector }));
  if (ingested.signatures.length > 0) out.signatures = ingested.signatures.map((s) => ({ algorithm: s.algorithm, value: s.value }));
  if (f.fixedVersion !== undefined) out.fixedVersion = f.fixedVersion;
  out.confidence = f.confidence;
  return out;
}

/**
 * Map an ingested finding to its row. `identity` is what PipelineDedupe computed for it in
 * the project: GitLab's finding UUID (spec §2.2) and fingerprints, hashed once per finding.
 */
export function findingRow(ingested: IngestedFinding, identity: FindingIdentity): FindingRow {
  const f = ingested.finding;
  const primary = f.identifiers[0];
  const identifiers: StoredIdentifier[] = f.identifiers.map((i) => (i.url === undefined ? { type: i.type, name: i.name, value: i.value } : { ...i }));
  const pkg = packageOf(f.location);
  return {
    uuid: identity.uuid,
    report_type: ingested.reportType,
    severity: f.severity,
    title: f.title,
    description: f.description,
    solution: f.remediation ?? null,
    primary_identifier_type: primary.type,
    primary_identifier_name: primary.name,
    primary_identifier_value: primary.value,
    primary_identifier_fingerprint: identity.primaryIdentifierFingerprint,
    identifier_keys: identifierKeys(identifiers),
    identifiers,
    location: f.location,
    location_text: locationText(f.location),
    location_fingerprint: identity.locationFingerprint,
    package_name: pkg.name,
    package_version: pkg.version,
    signatures: ingested.signatures.map((s) => ({ algorithm: s.algorithm, value: s.value })),
    details: details(ingested),
    data: f,
  };
}
