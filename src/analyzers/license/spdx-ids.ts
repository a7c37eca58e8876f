import { createRequire } from 'node:module';

/**
 * The SPDX license and exception ids, looked up without regard to case. The lists come from the
 * same packages spdx-expression-parse validates against, so an id found here always parses.
 */
export interface SpdxIds {
  /** Current (not deprecated) license ids, in the list's order. */
  readonly current: readonly string[];
  /** Canonical spelling of every license id, current and deprecated, by its lower-case form. */
  readonly licenseByLowerCase: ReadonlyMap<string, string>;
  readonly exceptionByLowerCase: ReadonlyMap<string, string>;
  readonly deprecated: ReadonlySet<string>;
}

const requireFromHere = createRequire(import.meta.url);

let loaded: SpdxIds | undefined;

function loadStringList(specifier: string): readonly string[] {
  const value: unknown = requireFromHere(specifier);
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is string => typeof entry === 'string');
}

function byLowerCase(ids: readonly string[]): Map<string, string> {
  return new Map(ids.map((id) => [id.toLowerCase(), id]));
}

/** Loaded on first use: the lists are small, but a scan without licenses need not parse them. */
export function spdxIds(): SpdxIds {
  if (loaded) return loaded;
  const current = loadStringList('spdx-license-ids');
  const deprecated = loadStringList('spdx-license-ids/deprecated.json');
  loaded = {
    current,
    licenseByLowerCase: byLowerCase([...deprecated, ...current]),
    exceptionByLowerCase: byLowerCase(loadStringList('spdx-exceptions')),
    deprecated: new Set(deprecated),
  };
  return loaded;
}

/** The canonical spelling of a license id (`mit` → `MIT`), keeping a `LicenseRef-` as written. */
export function canonicalLicenseId(id: string): string | undefined {
  const lower = id.toLowerCase();
  if (lower.startsWith('licenseref-') && id.length > 'LicenseRef-'.length) return `LicenseRef-${id.slice(11)}`;
  return spdxIds().licenseByLowerCase.get(lower);
}

export function canonicalExceptionId(id: string): string | undefined {
  return spdxIds().exceptionByLowerCase.get(id.toLowerCase());
}
