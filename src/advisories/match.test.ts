import { describe, expect, it } from 'vitest';
import type { Advisory, AffectedRange } from '../core/advisory.js';
import { matchAdvisory, matchPackage, osvSchemes as schemes } from './match.js';


function advisory(ranges: AffectedRange[], extra: Partial<Advisory> = {}, pkg = { ecosystem: 'npm', name: 'left-pad' }, versions: string[] = []): Advisory {
  return {
    id: 'TEST-1',
    aliases: [],
    severity: [],
    affected: [{ ...pkg, ranges, versions }],
    references: [],
    modified: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

const semver = (...events: AffectedRange['events']): AffectedRange => ({ type: 'SEMVER', events });
const ecosystem = (...events: AffectedRange['events']): AffectedRange => ({ type: 'ECOSYSTEM', events });

function affects(adv: Advisory, version: string, pkg = { ecosystem: 'npm', name: 'left-pad' }) {
  return matchAdvisory(adv, { ...pkg, version }, schemes);
}

describe('OSV range evaluation', () => {
  it('counts versions from introduced up to, not including, fixed', () => {
    const adv = advisory([semver({ introduced: '0' }, { fixed: '1.2.3' })]);
    expect(affects(adv, '0.0.1').match).toBeDefined();
    expect(affects(adv, '1.2.2').match?.fixedIn).toBe('1.2.3');
    expect(affects(adv, '1.2.3').match).toBeUndefined();
    expect(affects(adv, '2.0.0').match).toBeUndefined();
  });

  it('treats a prerelease of the fixed version as still affected (semver order)', () => {
    const adv = advisory([semver({ introduced: '0' }, { fixed: '2.0.0' })]);
    expect(affects(adv, '2.0.0-rc.1').match).toBeDefined();
  });

  it('handles several introduced/fixed pairs, in any order in the record', () => {
    const adv = advisory([semver({ fixed: '2.3.0' }, { introduced: '2.0.0' }, { fixed: '1.5.0' }, { introduced: '1.0.0' })]);
    expect(affects(adv, '0.9.0').match).toBeUndefined();
    expect(affects(adv, '1.4.9').match?.fixedIn).toBe('1.5.0');
    expect(affects(adv, '1.6.0').match).toBeUndefined();
    expect(affects(adv, '2.1.0').match?.fixedIn).toBe('2.3.0');
    expect(affects(adv, '2.3.0').match).toBeUndefined();
  });

  it('includes last_affected itself and names it when there is no fix', () => {
    const adv = advisory([semver({ introduced: '0' }, { last_affected: '1.5.1' })]);
    const hit = affects(adv, '1.5.1').match;
    expect(hit).toBeDefined();
    expect(hit?.fixedIn).toBeUndefined();
    expect(hit?.lastAffected).toBe('1.5.1');
    expect(affects(adv, '1.5.2').match).toBeUndefined();
  });

  it('stops at a limit', () => {
    const adv = advisory([ecosystem({ introduced: '1.0.0' }, { limit: '1.8.0' })]);
    expect(affects(adv, '1.7.9').match).toBeDefined();
    expect(affects(adv, '1.8.0').match).toBeUndefined();
  });

  it('matches an explicit versions list exactly, whatever the ranges say', () => {
    const adv = advisory([], {}, { ecosystem: 'npm', name: 'left-pad' }, ['1.1.0', '1.1.1']);
    expect(affects(adv, '1.1.1').match).toBeDefined();
    expect(affects(adv, '1.1.2').match).toBeUndefined();
  });

  it('skips the fixed version of one range when another range says it is vulnerable again', () => {
    const adv = advisory([semver({ introduced: '0' }, { fixed: '2.0.0' }), semver({ introduced: '2.0.0' }, { fixed: '2.0.5' })]);
    expect(affects(adv, '1.5.0').match?.fixedIn).toBe('2.0.5');
  });

  it('reads a SEMVER bound with missing numbers (a common database slip) as zeros', () => {
    const adv = advisory([semver({ introduced: '0' }, { fixed: '3.11' }, { introduced: '4' }, { fixed: '4.5' })]);
    expect(affects(adv, '4.4.1').match?.fixedIn).toBe('4.5');
    expect(affects(adv, '4.5.0').match).toBeUndefined();
    expect(affects(adv, '3.10.9').match).toBeDefined();
  });

  it('never matches a withdrawn advisory', () => {
    const adv = advisory([semver({ introduced: '0' })], { withdrawn: '2024-02-01T00:00:00Z' });
    expect(affects(adv, '1.0.0').match).toBeUndefined();
  });

  it('says so when a range holds a version the scheme cannot read, instead of guessing', () => {
    const adv = advisory([semver({ introduced: '0' }, { fixed: 'not a version' })]);
    const outcome = affects(adv, '1.0.0');
    expect(outcome.match).toBeUndefined();
    expect(outcome.problem?.message).toMatch(/could not be compared/);
  });

  it('compares PyPI names and versions the PEP 503 / PEP 440 way', () => {
    const adv = advisory([ecosystem({ introduced: '3.2' }, { fixed: '3.2.14' })], {}, { ecosystem: 'PyPI', name: 'Django' });
    const pkg = { ecosystem: 'PyPI', name: 'django' };
    expect(affects(adv, '3.2.0', pkg).match?.fixedIn).toBe('3.2.14');
    expect(affects(adv, '3.2.14rc1', pkg).match).toBeDefined();
    expect(affects(adv, '3.2.14', pkg).match).toBeUndefined();
  });

  it('reads Go ranges written without the v against lockfile versions written with it', () => {
    const adv = advisory([semver({ introduced: '0' }, { fixed: '0.3.7' })], {}, { ecosystem: 'Go', name: 'golang.org/x/text' });
    const pkg = { ecosystem: 'Go', name: 'golang.org/x/text' };
    expect(affects(adv, 'v0.3.5', pkg).match?.fixedIn).toBe('0.3.7');
    expect(affects(adv, 'v0.3.7', pkg).match).toBeUndefined();
  });

  it('does not match another ecosystem with the same package name', () => {
    const adv = advisory([semver({ introduced: '0' })]);
    expect(affects(adv, '1.0.0', { ecosystem: 'PyPI', name: 'left-pad' }).match).toBeUndefined();
  });

  it('returns every matching advisory of a package', () => {
    const a = advisory([semver({ introduced: '0' }, { fixed: '2.0.0' })], { id: 'A' });
    const b = advisory([semver({ introduced: '1.5.0' }, { fixed: '1.6.0' })], { id: 'B' });
    const outcome = matchPackage([a, b], { ecosystem: 'npm', name: 'left-pad', version: '1.5.3' }, schemes);
    expect(outcome.matches.map((m) => m.advisory.id)).toEqual(['A', 'B']);
  });
});
