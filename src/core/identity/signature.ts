import type { TrackingSignature } from '../finding.js';
import { isTypeIdentifier, type Identifiers } from '../identifier.js';
import type { Location } from '../location.js';
import { identifierFingerprint, locationFingerprintData, sha1Hex } from './fingerprint.js';
import { DEFAULT_UUID_NAMESPACE, uuidV5 } from './uuid.js';

/**
 * Tracking-signature algorithms GitLab knows, by priority (spec §2.3): a higher number is a more
 * precise signature and wins. Signatures of any other algorithm are dropped at ingest.
 */
export const SIGNATURE_PRIORITIES: Readonly<Record<string, number>> = {
  hash: 1,
  location: 2,
  scope_offset: 3,
  scope_offset_compressed: 4,
  rule_value: 5,
};

export function signaturePriority(algorithm: string): number | undefined {
  return Object.hasOwn(SIGNATURE_PRIORITIES, algorithm) ? SIGNATURE_PRIORITIES[algorithm] : undefined;
}

/**
 * GitLab's folding of `tracking.items[].signatures[]`: the values of one algorithm across items
 * are joined with `|`, one signature per algorithm, unknown algorithms dropped. Returned highest
 * priority first.
 */
export function joinTrackingSignatures(items: readonly { readonly signatures: readonly TrackingSignature[] }[]): TrackingSignature[] {
  const values = new Map<string, string[]>();
  for (const item of items) {
    for (const signature of item.signatures) {
      if (signaturePriority(signature.algorithm) === undefined) continue;
      const list = values.get(signature.algorithm) ?? [];
      list.push(signature.value);
      values.set(signature.algorithm, list);
    }
  }
  return [...values]
    .map(([algorithm, list]) => ({ algorithm, value: list.join('|') }))
    .sort((a, b) => (signaturePriority(b.algorithm) ?? 0) - (signaturePriority(a.algorithm) ?? 0));
}

/** Hex of GitLab's `signature_sha` (SHA-1 of the value; GitLab stores the raw 20 bytes). */
export function signatureSha(signature: TrackingSignature): string {
  return sha1Hex(signature.value);
}

/** GitLab's `signature_hex`: SHA-1 hex of the sha's hex, or of `algorithm:hex` when qualified. */
export function signatureHex(signature: TrackingSignature, qualified = false): string {
  const sha = signatureSha(signature);
  return sha1Hex(qualified ? `${signature.algorithm}:${sha}` : sha);
}

/** The highest-priority signature GitLab knows, if any. */
export function highestSignature(signatures: readonly TrackingSignature[]): TrackingSignature | undefined {
  let best: TrackingSignature | undefined;
  let bestPriority = 0;
  for (const signature of signatures) {
    const priority = signaturePriority(signature.algorithm) ?? 0;
    if (priority > bestPriority) {
      best = signature;
      bestPriority = priority;
    }
  }
  return best;
}

/**
 * What identity needs of a finding. A core `Finding` is one; `locationData` overrides the
 * location fingerprint text for report types core's `Location` cannot express exactly
 * (coverage fuzzing, cluster image scanning, a container image's `default_branch_image`).
 */
export interface IdentitySubject {
  readonly reportType: string;
  readonly identifiers: Identifiers;
  readonly location: Location;
  readonly locationData?: string;
}

export interface IngestIdentityOptions {
  readonly projectId: number | string;
  readonly namespace?: string;
  /** GitLab's `vulnerability_finding_signatures` feature: signatures stand in for the location. */
  readonly useSignatures?: boolean;
}

export function subjectLocationFingerprint(subject: IdentitySubject): string {
  return sha1Hex(subject.locationData ?? locationFingerprintData(subject.location));
}

/** Signatures GitLab knows, highest priority first. */
function byPriority(signatures: readonly TrackingSignature[]): TrackingSignature[] {
  return signatures
    .filter((s) => signaturePriority(s.algorithm) !== undefined)
    .sort((a, b) => (signaturePriority(b.algorithm) ?? 0) - (signaturePriority(a.algorithm) ?? 0));
}

/** Everything identity derives from a finding, each hash computed once. */
export interface FindingIdentity {
  readonly primaryIdentifierFingerprint: string;
  readonly locationFingerprint: string;
  /** Signature hexes, highest priority first; empty unless signatures are enabled. */
  readonly signatureHexes: readonly string[];
  readonly uuid: string;
}

/**
 * The finding UUID GitLab computes at ingest (spec §2.2), with its parts: UUIDv5 of
 * `report_type-primary_identifier_fp-location_fp-project_id`, where with signatures enabled the
 * highest-priority signature's hex replaces the location fingerprint.
 */
export function findingIdentity(subject: IdentitySubject, signatures: readonly TrackingSignature[], options: IngestIdentityOptions): FindingIdentity {
  const primaryIdentifierFingerprint = identifierFingerprint(subject.identifiers[0]);
  const locationFingerprint = subjectLocationFingerprint(subject);
  const signatureHexes = options.useSignatures === true ? byPriority(signatures).map((s) => signatureHex(s)) : [];
  const name = [subject.reportType, primaryIdentifierFingerprint, signatureHexes[0] ?? locationFingerprint, String(options.projectId)].join('-');
  return { primaryIdentifierFingerprint, locationFingerprint, signatureHexes, uuid: uuidV5(name, options.namespace ?? DEFAULT_UUID_NAMESPACE) };
}

/** GitLab's finding UUID (spec §2.2, §2.3); see findingIdentity. */
export function ingestFindingUuid(subject: IdentitySubject, signatures: readonly TrackingSignature[], options: IngestIdentityOptions): string {
  return findingIdentity(subject, signatures, options).uuid;
}

/**
 * GitLab's `Finding#keys` (spec §2.3): for every identifier that is not a CWE/WASC, one key per
 * location fingerprint (signature hexes by priority, then the location's) as
 * `location_fp:identifier_fp`, then the UUID. Two findings sharing any key are the same
 * vulnerability for deduplication.
 */
export function findingKeys(subject: IdentitySubject, signatures: readonly TrackingSignature[], options: IngestIdentityOptions): string[] {
  return identityKeys(subject, findingIdentity(subject, signatures, options));
}

/** findingKeys from an identity already computed (ingest hashes each finding once). */
export function identityKeys(subject: IdentitySubject, identity: FindingIdentity): string[] {
  const locations = [...identity.signatureHexes, identity.locationFingerprint];
  const keys: string[] = [];
  for (const identifier of subject.identifiers) {
    if (isTypeIdentifier(identifier)) continue;
    const identifierFp = identifier === subject.identifiers[0] ? identity.primaryIdentifierFingerprint : identifierFingerprint(identifier);
    for (const location of locations) keys.push(`${location}:${identifierFp}`);
  }
  keys.push(identity.uuid);
  return keys;
}

/**
 * GitLab's signature match (EE `matches_signatures`): the highest-priority algorithm both
 * findings carry decides; when they share none, the UUIDs decide.
 */
export function signaturesMatch(
  a: readonly TrackingSignature[],
  b: readonly TrackingSignature[],
  uuidA: string,
  uuidB: string,
): boolean {
  const other = new Map(b.map((s) => [s.algorithm, s.value]));
  const ordered = [...a].sort((x, y) => (signaturePriority(y.algorithm) ?? 0) - (signaturePriority(x.algorithm) ?? 0));
  for (const signature of ordered) {
    const value = other.get(signature.algorithm);
    if (value === undefined) continue;
    // Equal SHA-1s mean equal values; comparing the values skips the hashing.
    return value === signature.value;
  }
  return uuidA === uuidB;
}
