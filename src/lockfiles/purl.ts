import { PackageURL } from 'packageurl-js';
import type { Ecosystem } from '../core/inventory.js';

/** purl types by OSV ecosystem (distro ecosystems by their base name, before `:`). */
const PURL_TYPES: Readonly<Record<string, string>> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'golang',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  Packagist: 'composer',
  Maven: 'maven',
  NuGet: 'nuget',
  Pub: 'pub',
  Hex: 'hex',
  Debian: 'deb',
  Ubuntu: 'deb',
  Alpine: 'apk',
  'Red Hat': 'rpm',
  'Rocky Linux': 'rpm',
  AlmaLinux: 'rpm',
};

/** Split a name into purl namespace and name, the way each type's purl definition does. */
function splitName(type: string, name: string, ecosystem: string): { namespace?: string; name: string } {
  switch (type) {
    case 'npm':
    case 'golang':
    case 'composer': {
      const slash = name.lastIndexOf('/');
      return slash > 0 ? { namespace: name.slice(0, slash), name: name.slice(slash + 1) } : { name };
    }
    case 'maven': {
      const colon = name.indexOf(':');
      return colon > 0 ? { namespace: name.slice(0, colon), name: name.slice(colon + 1) } : { name };
    }
    case 'deb':
    case 'apk':
    case 'rpm':
      return { namespace: ecosystem.split(':')[0]!.toLowerCase().replace(/\s+/g, ''), name };
    default:
      return { name };
  }
}

/** The package URL of a package; unknown ecosystems get the `generic` type. */
export function purlOf(ecosystem: Ecosystem, name: string, version: string): string {
  const base = ecosystem.split(':')[0] ?? ecosystem;
  const type = PURL_TYPES[base] ?? 'generic';
  const parts = splitName(type, name, ecosystem);
  const distro = ecosystem.includes(':') && (type === 'deb' || type === 'apk' || type === 'rpm') ? { distro: ecosystem.split(':').slice(1).join(':') } : undefined;
  try {
    return new PackageURL(type, parts.namespace, parts.name, version || undefined, distro, undefined).toString();
  } catch {
    // A name the purl library refuses (empty after normalisation) still needs a stable reference.
    return `pkg:generic/${encodeURIComponent(name)}@${encodeURIComponent(version)}`;
  }
}
