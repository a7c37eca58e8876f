import type { Finding } from '../core/finding.js';
import { findingUuidName, identifierFingerprint, locationFingerprint } from '../core/identity/fingerprint.js';
import { DEFAULT_UUID_NAMESPACE, findingUuid, uuidV5 } from '../core/identity/uuid.js';
import type { WriteOptions } from './types.js';

/**
 * The id a report gives a finding. With a project id it is GitLab's finding UUID; without one,
 * a UUIDv5 of the same fingerprints, so ids are stable from run to run either way.
 */
export function reportFindingId(finding: Finding, options: WriteOptions): string {
  const namespace = options.uuidNamespace ?? DEFAULT_UUID_NAMESPACE;
  if (options.projectId !== undefined) return findingUuid(finding, { projectId: options.projectId, namespace });
  const name = findingUuidName(finding.reportType, identifierFingerprint(finding.identifiers[0]), locationFingerprint(finding.location), '');
  const commit = finding.location.kind === 'source' ? (finding.location.commit?.sha ?? '') : '';
  return uuidV5(commit === '' ? name : `${name}-${commit}`, namespace);
}
