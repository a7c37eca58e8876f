import type { Problem } from '../../../core/result.js';
import type { OsPackage, OsPackageList } from './types.js';

/**
 * dpkg's database of installed packages: `var/lib/dpkg/status`, and the per-package files Google's
 * distroless images write to `var/lib/dpkg/status.d/` instead. Both are deb822 control stanzas:
 * `Field: value` lines, continuation lines starting with a space or tab, stanzas separated by
 * blank lines. dpkg keeps removed-but-configured and half-installed packages in the file too; only
 * those whose Status says `installed` have their files on disk.
 */

interface Stanza {
  readonly line: number;
  readonly fields: Map<string, string>;
  error?: string;
}

const MALFORMED = 'dpkg-stanza-malformed';

export function readDpkgStatus(text: string, file: string): OsPackageList {
  // distroless writes each package's control file there, which has no Status field.
  const isStatusDirectory = file.includes('status.d/');
  const packages: OsPackage[] = [];
  const problems: Problem[] = [];
  for (const stanza of splitStanzas(text)) {
    const outcome = packageOf(stanza, file, isStatusDirectory);
    if (outcome.package) packages.push(outcome.package);
    if (outcome.problem) problems.push(outcome.problem);
  }
  return { packages, problems };
}

function splitStanzas(text: string): Stanza[] {
  const stanzas: Stanza[] = [];
  let current: Stanza | undefined;
  let lastField: string | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    if (line.trim().length === 0) {
      current = undefined;
      lastField = undefined;
      continue;
    }
    if (!current) {
      current = { line: index + 1, fields: new Map() };
      stanzas.push(current);
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      // A continuation (a Description's long text, a Conffiles list); none of the fields read here has one.
      if (lastField === undefined) current.error ??= `line ${index + 1} continues a field but no field came before it`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (name.length === 0 || /\s/.test(name)) {
      current.error ??= `line ${index + 1} is not a "Field: value" line`;
      lastField = undefined;
      continue;
    }
    const key = name.toLowerCase();
    if (current.fields.has(key)) current.error ??= `field ${name} appears twice (line ${index + 1})`;
    current.fields.set(key, line.slice(colon + 1).trim());
    lastField = key;
  }
  return stanzas;
}

interface Outcome {
  readonly package?: OsPackage;
  readonly problem?: Problem;
}

function packageOf(stanza: Stanza, file: string, isStatusDirectory: boolean): Outcome {
  const problem = (message: string, level: Problem['level'] = 'warn'): Problem => ({
    code: MALFORMED,
    message: `${file}:${stanza.line}: ${message}`,
    file,
    line: stanza.line,
    level,
  });
  const name = stanza.fields.get('package');
  const skipped = name ? `package ${name} skipped` : 'stanza skipped';
  if (stanza.error !== undefined) return { problem: problem(`${stanza.error}; ${skipped}`) };
  const status = stanza.fields.get('status');
  if (status === undefined && !isStatusDirectory) return { problem: problem(`no Status field; ${skipped}`) };
  if (status !== undefined) {
    const words = status.split(/\s+/);
    if (words.length !== 3) return { problem: problem(`Status "${status}" is not "<want> <flag> <status>"; ${skipped}`) };
    // The third word is the state on disk: held or to-be-removed packages are still installed.
    if (words[2] !== 'installed') return {};
  }
  const version = stanza.fields.get('version');
  if (!name) return { problem: problem('no Package field; stanza skipped') };
  if (!version || /\s/.test(version)) return { problem: problem(`no usable Version field; ${skipped}`) };
  const arch = stanza.fields.get('architecture');
  const base = { name, version, ...(arch ? { arch } : {}), file, line: stanza.line };
  const sourceField = stanza.fields.get('source');
  if (sourceField === undefined || sourceField.length === 0) return { package: { ...base, sourceName: name, sourceVersion: version } };
  const source = parseSource(sourceField);
  if (!source) {
    return {
      package: { ...base, sourceName: name, sourceVersion: version },
      problem: problem(`Source "${sourceField}" is not "<name>" or "<name> (<version>)"; the binary name is used`),
    };
  }
  return { package: { ...base, sourceName: source.name, sourceVersion: source.version ?? version } };
}

/** `openssl` or `openssl (3.0.11-1~deb12u2)`: the version is given when it differs from the binary's. */
function parseSource(field: string): { readonly name: string; readonly version?: string } | undefined {
  const match = /^([^\s()]+)(?:\s+\(([^\s()]+)\))?$/.exec(field);
  if (!match?.[1]) return undefined;
  return match[2] === undefined ? { name: match[1] } : { name: match[1], version: match[2] };
}
