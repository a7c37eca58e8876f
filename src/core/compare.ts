import type { TrackingSignature } from './finding.js';
import { identitySubject, type TrackedFinding } from './identity/dedupe.js';
import { findingIdentity, signaturePriority, signaturesMatch } from './identity/signature.js';
import { severityRank, type Severity } from './severity.js';

/** A finding the comparison can rank: tracked identity plus a severity. */
export interface ComparableFinding extends TrackedFinding {
  readonly finding: TrackedFinding['finding'] & { readonly severity: Severity };
}

export interface CompareOptions {
  /** GitLab's `vulnerability_finding_signatures`: match by tracking signatures first (default true). */
  readonly useSignatures?: boolean;
  /** Project id and namespace of the UUIDs used as the fallback match; any fixed value works offline. */
  readonly projectId?: number | string;
  readonly namespace?: string;
  /** Most added and fixed findings listed per report type (GitLab's widget shows 25); default all. */
  readonly limit?: number;
}

export interface ReportTypeComparison<F> {
  readonly reportType: string;
  /** In head, not in base: new with the change. Most severe first. */
  readonly added: F[];
  /** In base, not in head: no longer detected. Most severe first. */
  readonly fixed: F[];
  readonly unchanged: { readonly base: F; readonly head: F }[];
  /** Counts before `limit` cut the lists. */
  readonly addedTotal: number;
  readonly fixedTotal: number;
}

interface Prepared<F> {
  readonly item: F;
  readonly uuid: string;
  readonly primaryFp: string;
  readonly locationFp: string;
  /** Known signatures, highest priority first. */
  readonly signatures: readonly TrackingSignature[];
  readonly index: number;
}

function prepare<F extends ComparableFinding>(findings: readonly F[], options: CompareOptions, useSignatures: boolean): Prepared<F>[] {
  return findings.map((item, index) => {
    const identity = findingIdentity(identitySubject(item), item.signatures, {
      projectId: options.projectId ?? 0,
      useSignatures,
      ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    });
    const signatures = item.signatures
      .filter((s) => signaturePriority(s.algorithm) !== undefined)
      .sort((x, y) => (signaturePriority(y.algorithm) ?? 0) - (signaturePriority(x.algorithm) ?? 0));
    return { item, index, signatures, uuid: identity.uuid, primaryFp: identity.primaryIdentifierFingerprint, locationFp: identity.locationFingerprint };
  });
}

// Equal values have equal SHA-1s: keying by the value itself spares the hashing GitLab stores.
const signatureKey = (signature: TrackingSignature): string => `${signature.algorithm}\u0000${signature.value}`;

/** GitLab's FindingMatcher: for each base finding, a head finding with the same signature (highest priority first), else the same UUID. */
function matchWithSignatures<F extends ComparableFinding>(base: Prepared<F>[], head: Prepared<F>[]): Map<Prepared<F>, Prepared<F>> {
  const bySignature = new Map<string, Prepared<F>>();
  const byUuid = new Map<string, Prepared<F>>();
  for (const h of head) {
    for (const signature of h.signatures) bySignature.set(signatureKey(signature), h);
    byUuid.set(h.uuid, h);
  }
  const matches = new Map<Prepared<F>, Prepared<F>>();
  for (const b of base) {
    let match: Prepared<F> | undefined;
    for (const signature of b.signatures) {
      const candidate = bySignature.get(signatureKey(signature));
      // The candidate must also be `eql?`: same primary identifier and agreeing signatures.
      if (candidate && candidate.primaryFp === b.primaryFp && signaturesMatch(candidate.signatures, b.signatures, candidate.uuid, b.uuid)) {
        match = candidate;
        break;
      }
    }
    match ??= byUuid.get(b.uuid);
    if (match) matches.set(b, match);
  }
  return matches;
}

/** Without signatures: GitLab's `Finding#eql?` on primary identifier and location fingerprint. */
function matchByLocation<F extends ComparableFinding>(base: Prepared<F>[], head: Prepared<F>[]): Map<Prepared<F>, Prepared<F>> {
  const key = (p: Prepared<F>): string => `${p.primaryFp}:${p.locationFp}`;
  const byKey = new Map<string, Prepared<F>>();
  for (const h of head) if (!byKey.has(key(h))) byKey.set(key(h), h);
  const matches = new Map<Prepared<F>, Prepared<F>>();
  for (const b of base) {
    const match = byKey.get(key(b));
    if (match) matches.set(b, match);
  }
  return matches;
}

function bySeverity<F extends ComparableFinding>(a: Prepared<F>, b: Prepared<F>): number {
  return severityRank(b.item.finding.severity) - severityRank(a.item.finding.severity) || a.index - b.index;
}

function compareOneType<F extends ComparableFinding>(reportType: string, base: readonly F[], head: readonly F[], options: CompareOptions): ReportTypeComparison<F> {
  const useSignatures = options.useSignatures ?? true;
  const preparedBase = prepare(base, options, useSignatures);
  const preparedHead = prepare(head, options, useSignatures);
  const matches = useSignatures ? matchWithSignatures(preparedBase, preparedHead) : matchByLocation(preparedBase, preparedHead);
  const matchedHead = new Set(matches.values());
  const fixed = preparedBase.filter((b) => !matches.has(b)).sort(bySeverity);
  const added = preparedHead.filter((h) => !matchedHead.has(h)).sort(bySeverity);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  return {
    reportType,
    added: added.slice(0, limit).map((p) => p.item),
    fixed: fixed.slice(0, limit).map((p) => p.item),
    unchanged: [...matches].map(([b, h]) => ({ base: b.item, head: h.item })),
    addedTotal: added.length,
    fixedTotal: fixed.length,
  };
}

/**
 * Merge-request comparison (spec §4.2): per report type, the findings new in `head` and those
 * no longer detected since `base`. Report types come out in name order.
 */
export function compareFindings<F extends ComparableFinding>(base: readonly F[], head: readonly F[], options: CompareOptions = {}): ReportTypeComparison<F>[] {
  const types = new Map<string, { base: F[]; head: F[] }>();
  const slot = (type: string): { base: F[]; head: F[] } => {
    let entry = types.get(type);
    if (!entry) {
      entry = { base: [], head: [] };
      types.set(type, entry);
    }
    return entry;
  };
  for (const f of base) slot(f.reportType).base.push(f);
  for (const f of head) slot(f.reportType).head.push(f);
  return [...types.keys()].sort().map((type) => {
    const entry = slot(type);
    return compareOneType(type, entry.base, entry.head, options);
  });
}
