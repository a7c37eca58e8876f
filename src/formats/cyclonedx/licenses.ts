import { isSupportedSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';
import parseSpdx from 'spdx-expression-parse';

/**
 * One license as CycloneDX can hold it: a listed SPDX id, a compound SPDX expression, or free
 * text that is not SPDX at all.
 */
export type LicenseEntry =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'expression'; readonly expression: string }
  | { readonly kind: 'name'; readonly name: string };

/**
 * CycloneDX's license choice: EITHER a list of ids and names OR exactly one expression
 * (bom-1.6 `licenseChoice`); the two never mix.
 */
export type LicenseChoice =
  | { readonly kind: 'licenses'; readonly licenses: readonly (LicenseEntry & { kind: 'id' | 'name' })[] }
  | { readonly kind: 'expression'; readonly expression: string };

// Past this length a string is a licence text or noise, not an expression worth parsing.
const MAX_EXPRESSION_LENGTH = 4096;

type SpdxNode = parseSpdx.Info;

function render(node: SpdxNode, parent?: 'and' | 'or'): string {
  if ('license' in node) {
    const base = `${node.license}${node.plus === true ? '+' : ''}`;
    return node.exception === undefined ? base : `${base} WITH ${node.exception}`;
  }
  const text = `${render(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${render(node.right, node.conjunction)}`;
  // AND binds tighter than OR; brackets whenever the operator changes keep that visible either way.
  return parent !== undefined && parent !== node.conjunction ? `(${text})` : text;
}

function parseOrNull(text: string): SpdxNode | null {
  if (text.length > MAX_EXPRESSION_LENGTH) return null;
  try {
    return parseSpdx(text);
  } catch {
    // Not SPDX (or nested too deep to parse): the caller keeps it as a named licence.
    return null;
  }
}

interface Classified {
  readonly entry: LicenseEntry;
  /** The parsed expression, for joining several into one; null for free text. */
  readonly node: SpdxNode | null;
}

function classifyText(text: string): Classified {
  const node = parseOrNull(text);
  if (node === null) return { entry: { kind: 'name', name: text }, node };
  // Only ids on CycloneDX's own SPDX list may stand as `license.id`; anything else that is valid
  // SPDX (LicenseRef-…, `+`, WITH, AND/OR, ids newer than the list) is carried as an expression.
  if ('license' in node && node.plus !== true && node.exception === undefined && isSupportedSpdxId(node.license)) {
    return { entry: { kind: 'id', id: node.license }, node };
  }
  return { entry: { kind: 'expression', expression: render(node) }, node };
}

const cache = new Map<string, Classified>();
const MAX_CACHE = 10_000;

/** Classify one declared licence string; the same few licences recur across thousands of packages. */
function classify(text: string): Classified {
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = classifyText(text);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(text, hit);
  }
  return hit;
}

/** How one declared licence string appears in CycloneDX. */
export function classifyLicense(text: string): LicenseEntry {
  return classify(text.trim()).entry;
}

function entryKey(entry: LicenseEntry): string {
  switch (entry.kind) {
    case 'id':
      return `id:${entry.id}`;
    case 'expression':
      return `expression:${entry.expression}`;
    case 'name':
      return `name:${entry.name}`;
  }
}

/**
 * The CycloneDX license choice for a package's declared licences, or null when it has none.
 * Several declarations all apply, so when one of them is a compound expression and all are SPDX
 * they are joined with AND into one expression; next to free text (which cannot join an
 * expression) an expression is kept as a named licence rather than dropped.
 */
export function licenseChoice(texts: readonly string[]): LicenseChoice | null {
  const seen = new Map<string, Classified>();
  for (const raw of texts) {
    const text = raw.trim();
    if (text === '') continue;
    const classified = classify(text);
    const key = entryKey(classified.entry);
    if (!seen.has(key)) seen.set(key, classified);
  }
  const all = [...seen.values()];
  const first = all[0];
  if (first === undefined) return null;
  if (all.length === 1 && first.entry.kind === 'expression') return { kind: 'expression', expression: first.entry.expression };
  const hasExpression = all.some((c) => c.entry.kind === 'expression');
  if (hasExpression && all.every((c) => c.node !== null)) {
    return { kind: 'expression', expression: all.map((c) => render(c.node as SpdxNode, 'and')).join(' AND ') };
  }
  return {
    kind: 'licenses',
    licenses: all.map(({ entry }) => (entry.kind === 'expression' ? { kind: 'name', name: entry.expression } : entry)),
  };
}
