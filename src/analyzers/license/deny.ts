import spdxCorrect from 'spdx-correct';
import { err, ok, type Result } from '../../core/result.js';
import { parseExpression, type ExpressionNode, type LicenseLeaf } from './expression.js';
import { canonicalLicenseId, spdxIds } from './spdx-ids.js';

/*
 * How a deny-list entry matches a license.
 *
 * A license is a family (`GPL-3.0`, `MIT`) and a range:
 * - `-only` or a bare current id (`MIT`): exactly that license;
 * - `-or-later` or a trailing `+`: that version or any later one, at the user's choice;
 * - a deprecated bare id that now has `-only`/`-or-later` forms (`GPL-3.0`), or a deprecated
 *   `GPL-2.0-with-…-exception` id: SPDX reads it as `-only`, but packages write it meaning either,
 *   so it is "unspecified".
 *
 * A deny entry matches a license of the same family when the entry is bare (`MIT`, or the
 * deprecated `GPL-3.0`: the whole family), when the ranges are equal (`GPL-3.0-only` denies
 * `GPL-3.0-only`, not `GPL-3.0-or-later`), or when the package's range is unspecified (it may be
 * the denied one). Versions never cross: denying `GPL-3.0-only` does not deny `GPL-2.0-only`, nor
 * `GPL-2.0-or-later` (which can be used under GPL-2.0). `WITH` exceptions count as their license.
 */

type Range = 'only' | 'or-later' | 'unspecified';

interface LicenseKey {
  readonly family: string;
  readonly range: Range;
}

interface DenyKey {
  readonly family: string;
  readonly range: Range | 'any';
}

function licenseKey(id: string, plus: boolean): LicenseKey {
  const ranged = /^(.+)-(only|or-later)$/.exec(id);
  const withException = /^(.+?)-with-.+-exception$/.exec(id);
  let family = id;
  let range: Range = 'only';
  if (ranged?.[1] !== undefined) {
    family = ranged[1];
    range = ranged[2] === 'or-later' ? 'or-later' : 'only';
  } else if (withException?.[1] !== undefined && spdxIds().deprecated.has(id)) {
    family = withException[1];
    range = 'unspecified';
  } else if (spdxIds().deprecated.has(id) && canonicalLicenseId(`${id}-only`) !== undefined) {
    range = 'unspecified';
  }
  return { family: family.toLowerCase(), range: plus ? 'or-later' : range };
}

function denyKey(entry: string): DenyKey | undefined {
  const plus = entry.endsWith('+');
  const id = canonicalLicenseId(plus ? entry.slice(0, -1) : entry);
  if (id === undefined) return undefined;
  const key = licenseKey(id, plus);
  const explicitRange = plus || /-(only|or-later)$/.test(id);
  return { family: key.family, range: explicitRange ? key.range : 'any' };
}

function isDeniedBy(license: LicenseKey, deny: DenyKey): boolean {
  if (license.family !== deny.family) return false;
  return deny.range === 'any' || license.range === 'unspecified' || deny.range === license.range;
}

/**
 * Check a deny list once, before the scan: every entry must be an SPDX license id (any case,
 * optionally with `+`). Returns the entries in canonical spelling, or a message naming every
 * entry that is not an id, with spdx-correct's suggestion where it has one.
 */
export function validateDenyList(entries: readonly string[]): Result<string[], string> {
  const canonical: string[] = [];
  const unknown: string[] = [];
  for (const entry of entries.map((text) => text.trim()).filter((text) => text !== '')) {
    const plus = entry.endsWith('+');
    const id = canonicalLicenseId(plus ? entry.slice(0, -1) : entry);
    if (id === undefined) unknown.push(describeUnknown(entry));
    else canonical.push(`${id}${plus ? '+' : ''}`);
  }
  if (unknown.length === 0) return ok([...new Set(canonical)]);
  const noun = unknown.length === 1 ? 'an SPDX license id' : 'SPDX license ids';
  return err(`not ${noun}: ${unknown.join(', ')}. Use ids from https://spdx.org/licenses/, one license per entry.`);
}

function describeUnknown(entry: string): string {
  let suggestion: string | null;
  try {
    suggestion = entry.length <= 100 ? spdxCorrect(entry) : null;
  } catch {
    // spdx-correct throws only on empty input, which never reaches here.
    suggestion = null;
  }
  return suggestion === null ? `"${entry}"` : `"${entry}" (did you mean ${suggestion}?)`;
}

function leafLicense(leaf: LicenseLeaf): string {
  return `${leaf.id}${leaf.plus ? '+' : ''}`;
}

/** The denied licenses the package cannot avoid under this expression. */
function unavoidable(node: ExpressionNode, deny: readonly DenyKey[]): string[] {
  if (node.kind === 'license') {
    const key = licenseKey(node.id, node.plus);
    return deny.some((entry) => isDeniedBy(key, entry)) ? [leafLicense(node)] : [];
  }
  const left = unavoidable(node.left, deny);
  const right = unavoidable(node.right, deny);
  // `A OR B`: the user may pick the side that is not denied.
  if (node.kind === 'or' && (left.length === 0 || right.length === 0)) return [];
  return [...left, ...right];
}

/**
 * The licenses of `expression` that `deny` forbids and the package cannot avoid: under `A OR B`
 * only when both sides are denied, under `A AND B` when either is. Licenses are returned as the
 * expression writes them (`GPL-2.0+`), without exceptions, sorted. Deny entries may be in any case;
 * entries that are not SPDX ids are ignored here (validateDenyList reports them). An expression that
 * does not parse gives none.
 */
export function deniedLicenses(expression: string, deny: readonly string[]): string[] {
  const denyKeys = deny.map((entry) => denyKey(entry.trim())).filter((key): key is DenyKey => key !== undefined);
  if (denyKeys.length === 0) return [];
  const parsed = parseExpression(expression);
  if (parsed === undefined) return [];
  return [...new Set(unavoidable(parsed, denyKeys))].sort();
}
