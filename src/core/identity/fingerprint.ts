import * as crypto from 'node:crypto';
import type { Identifier } from '../identifier.js';
import type { ReportType } from '../finding.js';
import type { Location } from '../location.js';

// One-shot hashing is about twice as fast as createHash for short strings, which ingest hashes by
// the million; Node before 20.12 lacks it.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

// GitLab's fingerprints are SHA-1 by definition (spec §2.1): identity, not security.
export function sha1Hex(text: string): string {
  // bulwark:ignore js-weak-hash
  return oneShot ? oneShot('sha1', text, 'hex') : crypto.createHash('sha1').update(text, 'utf8').digest('hex');
}

/** Raw SHA-1 of bytes. */
export function sha1Digest(data: Buffer): Buffer {
  // bulwark:ignore js-weak-hash
  return oneShot ? oneShot('sha1', data, 'buffer') : crypto.createHash('sha1').update(data).digest();
}

/** GitLab: sha1("#{type}:#{value}"), with type and value exactly as reported. */
export function identifierFingerprint(identifier: Identifier): string {
  return sha1Hex(`${identifier.type}:${identifier.value}`);
}

/** Strip a tag from an image reference unless it looks like a semantic version (GitLab keeps those). */
export function imageNameWithoutTag(image: string): string {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon <= slash) return image;
  const tag = image.slice(colon + 1);
  const isCommitHash = /^[0-9a-f]{7,40}$/i.test(tag);
  const isSemver = /^v?\d+\.\d+(\.\d+)?([-+][\w.-]+)?$/.test(tag);
  return isSemver && !isCommitHash ? image : image.slice(0, colon);
}

/** The text GitLab hashes into the location fingerprint, per report type (spec §2.1). */
export function locationFingerprintData(location: Location): string {
  switch (location.kind) {
    case 'source':
      return `${location.file}:${location.startLine}:${location.endLine}`;
    case 'dependency':
      return `${location.file}:${location.packageName}`;
    case 'image':
      return `${imageNameWithoutTag(location.image)}:${location.packageName}`;
    case 'http':
      return `${location.path}:${location.method}:${location.param}`;
  }
}

export function locationFingerprint(location: Location): string {
  return sha1Hex(locationFingerprintData(location));
}

/** The name GitLab hashes into the finding UUID (spec §2.2). */
export function findingUuidName(
  reportType: ReportType,
  primaryIdentifierFingerprint: string,
  locationFp: string,
  projectId: number | string,
): string {
  return [reportType, primaryIdentifierFingerprint, locationFp, String(projectId)].join('-');
}
