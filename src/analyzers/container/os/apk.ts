import type { Problem } from '../../../core/result.js';
import type { OsPackage, OsPackageList } from './types.js';

/**
 * apk's database of installed packages, `lib/apk/db/installed`: one stanza per package, separated
 * by blank lines, each line a one-letter key, a colon and the value (`P:musl`). The keys read here:
 * P name, V version, A architecture, o origin (the source package, named in Alpine's advisories),
 * L license. File lists (F, R, a, Z, M) repeat and are skipped.
 */

const MALFORMED = 'apk-stanza-malformed';
const SINGLE_VALUED_KEYS = new Set(['P', 'V', 'A', 'o', 'L']);

interface Stanza {
  readonly line: number;
  readonly fields: Map<string, string>;
  error?: string;
}

export function readApkInstalled(text: string, file: string): OsPackageList {
  const packages: OsPackage[] = [];
  const problems: Problem[] = [];
  for (const stanza of splitStanzas(text)) {
    const problem = (message: string): Problem => ({
      code: MALFORMED,
      message: `${file}:${stanza.line}: ${message}`,
      file,
      line: stanza.line,
      level: 'warn',
    });
    const name = stanza.fields.get('P');
    const version = stanza.fields.get('V');
    const skipped = name ? `package ${name} skipped` : 'stanza skipped';
    if (stanza.error !== undefined) {
      problems.push(problem(`${stanza.error}; ${skipped}`));
      continue;
    }
    if (!name || !version) {
      problems.push(problem(`no ${name ? 'V (version)' : 'P (name)'} line; ${skipped}`));
      continue;
    }
    const arch = stanza.fields.get('A');
    const license = stanza.fields.get('L');
    packages.push({
      name,
      version,
      ...(arch ? { arch } : {}),
      sourceName: stanza.fields.get('o') || name,
      // apk records no origin version: every subpackage shares its origin's version.
      sourceVersion: version,
      ...(license ? { license } : {}),
      file,
      line: stanza.line,
    });
  }
  return { packages, problems };
}

function splitStanzas(text: string): Stanza[] {
  const stanzas: Stanza[] = [];
  let current: Stanza | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    if (line.trim().length === 0) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { line: index + 1, fields: new Map() };
      stanzas.push(current);
    }
    if (line.length < 2 || line[1] !== ':' || /\s/.test(line[0] ?? ' ')) {
      current.error ??= `line ${index + 1} is not a "<key>:<value>" line`;
      continue;
    }
    const key = line[0] ?? '';
    if (!SINGLE_VALUED_KEYS.has(key)) continue;
    if (current.fields.has(key)) current.error ??= `key ${key} appears twice (line ${index + 1})`;
    current.fields.set(key, line.slice(2).trim());
  }
  return stanzas;
}
