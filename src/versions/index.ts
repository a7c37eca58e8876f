import { apkScheme } from './apk.js';
import { composerScheme } from './composer.js';
import { dpkgScheme } from './dpkg.js';
import { goScheme } from './go.js';
import { mavenScheme } from './maven.js';
import { nugetScheme } from './nuget.js';
import { pep440Scheme } from './pep440.js';
import { rpmScheme } from './rpm.js';
import { rubygemsScheme } from './rubygems.js';
import { semverScheme } from './semver.js';
import type { VersionScheme } from './types.js';

export type { VersionScheme } from './types.js';

/** Every scheme, for callers that list or test them all. */
export const VERSION_SCHEMES: readonly VersionScheme[] = [
  semverScheme,
  goScheme,
  pep440Scheme,
  mavenScheme,
  rubygemsScheme,
  nugetScheme,
  composerScheme,
  dpkgScheme,
  apkScheme,
  rpmScheme,
];

/** OSV ecosystem names and the scheme that orders their versions. */
const SCHEME_BY_ECOSYSTEM: ReadonlyMap<string, VersionScheme> = new Map([
  ['npm', semverScheme],
  ['crates.io', semverScheme],
  ['Pub', semverScheme],
  ['Hex', semverScheme],
  ['Go', goScheme],
  ['PyPI', pep440Scheme],
  ['Maven', mavenScheme],
  ['RubyGems', rubygemsScheme],
  ['NuGet', nugetScheme],
  ['Packagist', composerScheme],
]);

/** Distributions, which OSV names with an optional `:release` (`Debian:12`, `Alpine:v3.19`). */
const SCHEME_BY_DISTRIBUTION: ReadonlyMap<string, VersionScheme> = new Map([
  ['Debian', dpkgScheme],
  ['Ubuntu', dpkgScheme],
  ['Alpine', apkScheme],
  ['Red Hat', rpmScheme],
  ['Rocky Linux', rpmScheme],
  ['AlmaLinux', rpmScheme],
  ['openSUSE', rpmScheme],
  ['SUSE', rpmScheme],
  ['Mageia', rpmScheme],
  ['Photon OS', rpmScheme],
  ['Azure Linux', rpmScheme],
  ['openEuler', rpmScheme],
]);

/**
 * The version scheme of an OSV ecosystem, e.g. `npm`, `PyPI`, `Debian:12`, `Ubuntu:22.04:LTS`,
 * `Alpine:v3.19`; undefined for an ecosystem without one. Names are matched exactly, as OSV
 * spells them; a distribution's release after the first `:` does not change the scheme.
 */
export function schemeForEcosystem(ecosystem: string): VersionScheme | undefined {
  const colon = ecosystem.indexOf(':');
  if (colon === -1) return SCHEME_BY_ECOSYSTEM.get(ecosystem) ?? SCHEME_BY_DISTRIBUTION.get(ecosystem);
  return SCHEME_BY_DISTRIBUTION.get(ecosystem.slice(0, colon));
}
