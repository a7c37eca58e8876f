import type { Finding } from '../core/finding.js';
import type { Location } from '../core/location.js';

function locationKey(location: Location): [string, number, number] {
  switch (location.kind) {
    case 'source':
      return [location.file, location.startLine, location.startColumn ?? 0];
    case 'dependency':
      return [location.file, 0, 0];
    case 'image':
      return [location.image, 0, 0];
    case 'http':
      return [`${location.hostname}${location.path}`, 0, 0];
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** File, line, column, rule id, then commit: identical input gives byte-identical reports. */
export function compareFindings(a: Finding, b: Finding): number {
  const [fileA, lineA, colA] = locationKey(a.location);
  const [fileB, lineB, colB] = locationKey(b.location);
  const commitA = a.location.kind === 'source' ? (a.location.commit?.sha ?? '') : '';
  const commitB = b.location.kind === 'source' ? (b.location.commit?.sha ?? '') : '';
  return (
    compareStrings(fileA, fileB) || lineA - lineB || colA - colB || compareStrings(a.ruleId, b.ruleId) || compareStrings(commitA, commitB)
  );
}
