import { isRecord } from '../structured-text.js';

/** A package name with the range or version that follows it in `name@range`. */
export interface NameAndRange {
  readonly name: string;
  readonly range: string;
}

/**
 * Splits `name@range`; the name may be scoped (`@babel/core@^7.0.0`), so the separator is the
 * first `@` after the first character. Without one, the whole text is the name.
 */
export function splitNameAndRange(descriptor: string): NameAndRange {
  const at = descriptor.indexOf('@', 1);
  if (at < 0) return { name: descriptor, range: '' };
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

/**
 * `npm:string-width@^4.2.0` names the real package behind an alias. A bare `npm:^1.0.0` (Berry's
 * default protocol) or anything else is not an alias.
 */
export function parseNpmAlias(spec: string): NameAndRange | undefined {
  if (!spec.startsWith('npm:')) return undefined;
  const target = spec.slice('npm:'.length);
  if (target.indexOf('@', 1) < 0) return undefined;
  return splitNameAndRange(target);
}

/** The string-valued entries of an untrusted object (a dependency map); anything else gives none. */
export function stringRecord(value: unknown): ReadonlyMap<string, string> {
  const entries = new Map<string, string>();
  if (!isRecord(value)) return entries;
  for (const [name, spec] of Object.entries(value)) {
    if (typeof spec === 'string') entries.set(name, spec);
  }
  return entries;
}
