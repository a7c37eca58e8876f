import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VERSION_SCHEMES, schemeForEcosystem } from './index.js';

const ADVISORIES_DIR = fileURLToPath(new URL('../../../shared/advisories/', import.meta.url));

interface AffectedVersions {
  readonly ecosystem: string;
  readonly versions: string[];
}

/** The ecosystem and every version named by each `affected[]` entry (ranges other than GIT, and `versions`). */
function readAffected(file: string): AffectedVersions[] {
  const out: AffectedVersions[] = [];
  const text = gunzipSync(readFileSync(`${ADVISORIES_DIR}${file}`)).toString('utf8');
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    const record = JSON.parse(line) as { affected?: { package?: { ecosystem?: string }; ranges?: { type: string; events: Record<string, string>[] }[]; versions?: string[] }[] };
    for (const affected of record.affected ?? []) {
      const versions = [...(affected.versions ?? [])];
      for (const range of affected.ranges ?? []) if (range.type !== 'GIT') for (const event of range.events) versions.push(...Object.values(event));
      out.push({ ecosystem: affected.package?.ecosystem ?? '', versions });
    }
  }
  return out;
}

const snapshot = new Map(
  readdirSync(ADVISORIES_DIR)
    .filter((name) => name.endsWith('.osv.jsonl.gz'))
    .map((name) => [name, readAffected(name)] as const),
);

describe('versions/index', () => {
  it('maps the OSV ecosystem names to their schemes', () => {
    const expected: Record<string, string> = {
      npm: 'semver',
      'crates.io': 'semver',
      Pub: 'semver',
      Hex: 'semver',
      Go: 'go',
      PyPI: 'pep440',
      Maven: 'maven',
      RubyGems: 'rubygems',
      NuGet: 'nuget',
      Packagist: 'composer',
      Debian: 'dpkg',
      'Debian:12': 'dpkg',
      'Ubuntu:22.04:LTS': 'dpkg',
      'Ubuntu:Pro:18.04:LTS': 'dpkg',
      Alpine: 'apk',
      'Alpine:v3.19': 'apk',
      'Red Hat': 'rpm',
      'Red Hat:enterprise_linux:9::appstream': 'rpm',
      'Rocky Linux:9': 'rpm',
      AlmaLinux: 'rpm',
      'AlmaLinux:8': 'rpm',
      'openSUSE:Leap 15.5': 'rpm',
      'SUSE:Linux Enterprise Server 15 SP5': 'rpm',
      'Mageia:9': 'rpm',
      'Photon OS:5.0': 'rpm',
      'Azure Linux:3': 'rpm',
      'openEuler:22.03-LTS': 'rpm',
    };
    for (const [ecosystem, scheme] of Object.entries(expected)) {
      expect(schemeForEcosystem(ecosystem)?.name, ecosystem).toBe(scheme);
    }
  });

  it('knows no scheme for other names', () => {
    for (const ecosystem of ['', 'Hackage', 'CRAN', 'GIT', 'pypi', 'NPM', 'npm:foo', 'debian', ':12', 'Alpine ']) {
      expect(schemeForEcosystem(ecosystem), ecosystem).toBeUndefined();
    }
  });

  it('has a scheme for every ecosystem of the shared advisories', () => {
    const ecosystems = new Set([...snapshot.values()].flat().map((affected) => affected.ecosystem));
    // The snapshot's README lists these: Go, PyPI, crates.io, RubyGems, Packagist, npm, Alpine:v3.3 … v3.11.
    expect(ecosystems.size).toBeGreaterThanOrEqual(15);
    for (const ecosystem of ecosystems) expect(schemeForEcosystem(ecosystem), ecosystem).toBeDefined();
  });

  it('lists ten schemes with distinct names', () => {
    const names = VERSION_SCHEMES.map((scheme) => scheme.name);
    expect(new Set(names).size).toBe(10);
    expect(names).toEqual(expect.arrayContaining(['semver', 'go', 'pep440', 'maven', 'rubygems', 'nuget', 'composer', 'dpkg', 'apk', 'rpm']));
  });

  /**
   * Outside the grammar by reading: npm's `0` is OSV's "from the start" sentinel and the others have
   * fewer than three numbers; the Alpine ones have a dot before `-r`, `.r` for `-r`, or a hyphen
   * not followed by `r`.
   */
  const KNOWN_INVALID: Readonly<Record<string, readonly string[]>> = {
    'npm.osv.jsonl.gz': ['0', '1.0', '3.11', '4', '4.5'],
    'alpine.osv.jsonl.gz': ['57-1-r2', '1.7.5.-r1', '0.8.21.r2', '1.0.4.-r0', '1.18.-r2', '0.12.5.-r0', '4.8.0.-r1', '4.10-1-r1', '2.15.r-r1', '2.7.16-33', '10.2.22.r0', '10.2.24.r0', '10.2.26.r0', '1.11-20-r0'],
  };

  it.each(['go', 'crates-io', 'packagist', 'rubygems', 'npm', 'alpine'])('reads every version of the %s advisories but the malformed ones', (name) => {
    const file = `${name}.osv.jsonl.gz`;
    const invalid = new Set<string>();
    for (const affected of snapshot.get(file) ?? []) {
      const scheme = schemeForEcosystem(affected.ecosystem);
      for (const version of affected.versions) if (scheme && !scheme.isValid(version)) invalid.add(version);
    }
    expect([...invalid].sort()).toEqual([...(KNOWN_INVALID[file] ?? [])].sort());
  });

  it('reads all but a few legacy (pre-PEP 440) versions of the PyPI advisories', () => {
    let total = 0;
    const invalid = new Set<string>();
    for (const affected of snapshot.get('pypi.osv.jsonl.gz') ?? []) {
      for (const version of affected.versions) {
        total++;
        if (!(schemeForEcosystem(affected.ecosystem)?.isValid(version) ?? false)) invalid.add(version);
      }
    }
    expect(total).toBeGreaterThan(100_000);
    expect(invalid.size).toBeLessThan(total / 1000);
    // Legacy forms that PEP 440 does not allow, checked by reading.
    for (const legacy of ['0.1-bulbasaur', '2.0.0-final', '0.3m1', '2.6.0-cu124', 'trunk']) expect(invalid.has(legacy), legacy).toBe(true);
  });
});
