import type { TrackingSignature } from '../finding.js';
import type { Identifiers } from '../identifier.js';
import type { Location } from '../location.js';
import { findingIdentity, identityKeys, type FindingIdentity, type IdentitySubject, type IngestIdentityOptions } from './signature.js';

/** A finding with what identity needs: an ingested finding (formats/read) is one. */
export interface TrackedFinding {
  /** The report type GitLab files the finding under. */
  readonly reportType: string;
  readonly finding: { readonly identifiers: Identifiers; readonly location: Location };
  readonly locationData?: string;
  readonly signatures: readonly TrackingSignature[];
}

export function identitySubject(tracked: TrackedFinding): IdentitySubject {
  const base = { reportType: tracked.reportType, identifiers: tracked.finding.identifiers, location: tracked.finding.location };
  return tracked.locationData === undefined ? base : { ...base, locationData: tracked.locationData };
}

export interface PipelineReport<F extends TrackedFinding> {
  /** The artifact's path in the pipeline; reports are taken in its code-unit order. */
  readonly artifactPath: string;
  readonly findings: readonly F[];
}

export interface Duplicate<F> {
  readonly finding: F;
  readonly artifactPath: string;
  /** The earlier finding it duplicates. */
  readonly of: F;
}

export interface DedupeResult<F> {
  /** Kept findings, in artifact-path order then report order. */
  readonly kept: F[];
  readonly duplicates: Duplicate<F>[];
}

/**
 * Deduplication within one pipeline (spec §2.4): findings of the same report type that share a
 * location (or signature) fingerprint and any identifier other than a CWE/WASC are one
 * vulnerability. Reports are taken in alphabetical artifact-path order, findings in report order;
 * the first occurrence wins.
 */
export function dedupeWithinPipeline<F extends TrackedFinding>(
  reports: readonly PipelineReport<F>[],
  options: IngestIdentityOptions,
): DedupeResult<F> {
  const ordered = [...reports].sort((a, b) => (a.artifactPath < b.artifactPath ? -1 : a.artifactPath > b.artifactPath ? 1 : 0));
  const dedupe = new PipelineDedupe<F>(options);
  const kept: F[] = [];
  const duplicates: Duplicate<F>[] = [];
  for (const report of ordered) {
    for (const finding of report.findings) {
      const offered = dedupe.offer(finding);
      if ('of' in offered) duplicates.push({ finding, artifactPath: report.artifactPath, of: offered.of });
      else kept.push(finding);
    }
  }
  return { kept, duplicates };
}

/**
 * dedupeWithinPipeline one finding at a time, for a caller that streams them (ingest turns each
 * kept finding into a row while the database stores the previous batch). Offer findings in the
 * pipeline's order: artifact path, then report order.
 */
export class PipelineDedupe<F extends TrackedFinding> {
  private readonly seen = new Map<string, F>();
  private readonly options: IngestIdentityOptions;

  constructor(options: IngestIdentityOptions) {
    this.options = options;
  }

  /** The finding's identity when it is new to the pipeline, else the earlier finding it repeats. */
  offer(finding: F): { readonly identity: FindingIdentity } | { readonly of: F } {
    const subject = identitySubject(finding);
    const identity = findingIdentity(subject, finding.signatures, this.options);
    const keys = identityKeys(subject, identity).map((key) => `${finding.reportType}\u0000${key}`);
    for (const key of keys) {
      const earlier = this.seen.get(key);
      if (earlier !== undefined) return { of: earlier };
    }
    for (const key of keys) this.seen.set(key, finding);
    return { identity };
  }
}

