import type { AffectedPackage, AffectedRange, Advisory, RangeEvent } from '../core/advisory.js';
import { err, ok, type Result } from '../core/result.js';
import { cvssRating } from './severity.js';

/** A converted record and what had to be left out of it. */
export interface OsvConversion {
  readonly advisory: Advisory;
  /** One line per dropped part (a malformed range, a non-string version, a package without a name). */
  readonly warnings: readonly string[];
}

type Json = Record<string, unknown>;
type Scored = { readonly type: string; readonly score: string };

const RANGE_TYPES: ReadonlySet<string> = new Set(['SEMVER', 'ECOSYSTEM', 'GIT']);
const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;
/** Longer names are not package names; they would only bloat the index. */
const MAX_NAME_LENGTH = 1024;

/**
 * Some databases give a bare CVSS base score instead of a vector or a word: RubySec
 * (`cvss_v3`, `cvss_v2`) and the Node.js security WG (`cvss_score`, a 3.x score). The score's
 * qualitative rating stands in as the database's label.
 */
function scoreLabel(databaseSpecific: Record<string, unknown>): string | undefined {
  const pick = (key: string): number | undefined => {
    const value = databaseSpecific[key];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10 ? value : undefined;
  };
  const v3 = pick('cvss_v3') ?? pick('cvss_score');
  if (v3 !== undefined) return cvssRating('3.1', v3);
  const v2 = pick('cvss_v2');
  return v2 !== undefined ? cvssRating('2.0', v2) : undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function scores(value: unknown): Scored[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isObject(item) && typeof item['type'] === 'string' && typeof item['score'] === 'string' ? [{ type: item['type'], score: item['score'] }] : [],
  );
}

function references(value: unknown): { type: string; url: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isObject(item) && typeof item['type'] === 'string' && typeof item['url'] === 'string' ? [{ type: item['type'], url: item['url'] }] : [],
  );
}

/** One event, or why it cannot be used: exactly one known key holding a string. */
function toEvent(value: unknown): RangeEvent | string {
  if (!isObject(value)) return 'an event is not an object';
  const present = EVENT_KEYS.filter((key) => key in value);
  const key = present[0];
  if (key === undefined) return `an event has none of ${EVENT_KEYS.join(', ')}`;
  if (present.length > 1) return `an event has several of ${present.join(', ')}`;
  const version = value[key];
  if (typeof version !== 'string') return `the ${key} version is not a string`;
  return { [key]: version } as RangeEvent;
}

function toRange(value: unknown): AffectedRange | string {
  if (!isObject(value)) return 'a range is not an object';
  const type = value['type'];
  if (typeof type !== 'string') return 'a range has no type';
  if (!RANGE_TYPES.has(type)) return `unknown range type "${type.slice(0, 40)}"`;
  const events = value['events'];
  if (!Array.isArray(events)) return `the ${type} range has no events array`;
  const converted: RangeEvent[] = [];
  for (const event of events) {
    const result = toEvent(event);
    if (typeof result === 'string') return `${type} range dropped: ${result}`;
    converted.push(result);
  }
  return { type: type as AffectedRange['type'], events: converted };
}

function toAffected(value: unknown, warnings: string[]): AffectedPackage | undefined {
  const pkg = isObject(value) ? value['package'] : undefined;
  const ecosystem = isObject(pkg) ? pkg['ecosystem'] : undefined;
  const name = isObject(pkg) ? pkg['name'] : undefined;
  if (typeof ecosystem !== 'string' || ecosystem === '' || typeof name !== 'string' || name === '') {
    warnings.push('an affected entry without a package ecosystem and name was dropped');
    return undefined;
  }
  if (name.length > MAX_NAME_LENGTH || ecosystem.length > MAX_NAME_LENGTH) {
    warnings.push(`an affected entry with a ${name.length}-character name was dropped`);
    return undefined;
  }
  const entry = value as Json;
  const ranges: AffectedRange[] = [];
  const rawRanges = entry['ranges'];
  if (rawRanges !== undefined && !Array.isArray(rawRanges)) warnings.push(`${name}: ranges is not an array`);
  for (const raw of Array.isArray(rawRanges) ? rawRanges : []) {
    const range = toRange(raw);
    if (typeof range === 'string') warnings.push(`${name}: ${range}`);
    else ranges.push(range);
  }
  const rawVersions = entry['versions'];
  const versions = stringArray(rawVersions);
  if (rawVersions !== undefined && (!Array.isArray(rawVersions) || versions.length !== rawVersions.length)) {
    warnings.push(`${name}: versions that are not strings were dropped`);
  }
  const severity = scores(entry['severity']);
  return { ecosystem, name, ranges, versions, ...(severity.length > 0 ? { severity } : {}) };
}

/**
 * Turn one parsed OSV record into an `Advisory`. The record is rejected (with the reason) when it
 * has no id or no affected package one could look up; a malformed range or version is left out
 * with a warning and the rest of the record is kept.
 */
export function convertOsvRecord(value: unknown): Result<OsvConversion, string> {
  if (!isObject(value)) return err('not a JSON object');
  const id = value['id'];
  if (typeof id !== 'string' || id.trim() === '') return err('record without an id');
  const warnings: string[] = [];
  const rawAffected = value['affected'];
  const affected = (Array.isArray(rawAffected) ? rawAffected : [])
    .map((entry) => toAffected(entry, warnings))
    .filter((entry): entry is AffectedPackage => entry !== undefined);
  if (affected.length === 0) return err(`${id}: no affected package with an ecosystem and a name`);

  const modified = optionalString(value['modified']);
  if (modified === undefined) warnings.push('no modified date');
  const databaseSpecific = isObject(value['database_specific']) ? value['database_specific'] : {};
  const databaseSeverity = optionalString(databaseSpecific['severity']) ?? scoreLabel(databaseSpecific);
  const cwes = stringArray(databaseSpecific['cwe_ids']);
  const summary = optionalString(value['summary']);
  const details = optionalString(value['details']);
  const published = optionalString(value['published']);
  const withdrawn = optionalString(value['withdrawn']);

  const advisory: Advisory = {
    id,
    aliases: stringArray(value['aliases']),
    ...(summary !== undefined ? { summary } : {}),
    ...(details !== undefined ? { details } : {}),
    severity: scores(value['severity']),
    ...(databaseSeverity !== undefined ? { databaseSeverity } : {}),
    affected,
    references: references(value['references']),
    ...(published !== undefined ? { published } : {}),
    // Without a date the record loses every merge against a dated copy of itself.
    modified: modified ?? '',
    ...(withdrawn !== undefined ? { withdrawn } : {}),
    ...(cwes.length > 0 ? { cwes } : {}),
  };
  return ok({ advisory, warnings: warnings.map((warning) => `${id}: ${warning}`) });
}
