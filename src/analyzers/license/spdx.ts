import spdxCorrect from 'spdx-correct';
import { classifierLicense, classifierParenthesised, isLicenseClassifier } from './classifiers.js';
import { formatExpression, parseExpression, type ExpressionNode } from './expression.js';
import { canonicalExceptionId, canonicalLicenseId } from './spdx-ids.js';

/** What a package declares: the SPDX expression when there is one, and always the text as declared. */
export interface NormalizedLicense {
  readonly expression?: string;
  readonly raw: string;
}

/** Longer declarations are license texts or prose, not names: kept raw, never guessed at. */
const MAX_NAME_LENGTH = 200;
/** Bound on what is kept of a raw declaration. */
const MAX_RAW_LENGTH = 1_000;
/** Bound on the entries of a `licenses` array that are looked at. */
const MAX_LIST_ENTRIES = 32;

/**
 * Words that say "no open-source license" or "look elsewhere". They must not reach spdx-correct,
 * which would turn npm's `UNLICENSED` (all rights reserved) into `Unlicense` (public domain).
 */
const NOT_A_LICENSE =
  /^(?:unlicen[cs]ed|proprietary|commercial|unknown|none|n\/?a|other|custom|see licen[cs]e|public domain|see licen[cs]e in\s.*)$/i;

const OPERATOR_WORD = /(?:^|\s)(?:and|or|with)(?:\s|$)/i;

/** The phrases and operators of a loosely written expression: `mit/Apache 2.0`, `Apache 2.0 or MIT`. */
const LOOSE_SEPARATOR = /\(|\)|\/|\s+(?:and|or|with)\s+/gi;

function safeCorrect(phrase: string): string | undefined {
  try {
    return spdxCorrect(phrase) ?? undefined;
  } catch {
    // spdx-correct throws on empty input only; there is nothing to correct then.
    return undefined;
  }
}

/** One license name (`Apache 2.0`, `mit`, `GPLv3`) as an SPDX id, using spdx-correct's choice. */
function correctLicenseName(phrase: string): string | undefined {
  const plus = phrase.endsWith('+');
  const exact = canonicalLicenseId(plus ? phrase.slice(0, -1) : phrase);
  // A loosely written `GPL-2.0 or later` gets today's id, GPL-2.0-or-later, not the deprecated `+`.
  const orLater = plus && exact !== undefined ? canonicalLicenseId(`${exact}-or-later`) : undefined;
  if (orLater !== undefined) return orLater;
  if (exact !== undefined) return `${exact}${plus ? '+' : ''}`;
  // A dangling operator (`MIT OR`) is a broken expression, not a name to correct.
  if (OPERATOR_WORD.test(phrase)) return undefined;
  const corrected = safeCorrect(phrase);
  const parsed = corrected === undefined ? undefined : parseExpression(corrected);
  return parsed?.kind === 'license' && parsed.exception === undefined ? corrected : undefined;
}

function correctExceptionName(phrase: string): string | undefined {
  return canonicalExceptionId(phrase) ?? canonicalExceptionId(phrase.replace(/\s+/g, '-'));
}

/** Correct each license name between the operators, then parse the whole. */
function parseLoose(text: string): ExpressionNode | undefined {
  const parts: string[] = [];
  let afterWith = false;
  let last = 0;
  const addPhrase = (phrase: string): boolean => {
    const trimmed = phrase.trim();
    if (trimmed === '') return true;
    const corrected = afterWith ? correctExceptionName(trimmed) : correctLicenseName(trimmed);
    if (corrected === undefined) return false;
    parts.push(corrected);
    return true;
  };
  for (const match of text.matchAll(LOOSE_SEPARATOR)) {
    if (!addPhrase(text.slice(last, match.index))) return undefined;
    const separator = match[0].trim().toUpperCase();
    parts.push(separator === '/' ? 'OR' : separator);
    afterWith = separator === 'WITH';
    last = match.index + match[0].length;
  }
  if (!addPhrase(text.slice(last))) return undefined;
  return parseExpression(parts.join(' '));
}

function normalizeClassifier(raw: string): NormalizedLicense {
  const named = classifierLicense(raw);
  if (named !== undefined) return { expression: named, raw };
  const inParentheses = classifierParenthesised(raw);
  const id = inParentheses === undefined ? undefined : canonicalLicenseId(inParentheses);
  return id === undefined ? { raw } : { expression: id, raw };
}

function normalizeString(declared: string): NormalizedLicense {
  const raw = declared.trim().slice(0, MAX_RAW_LENGTH);
  if (raw === '' || NOT_A_LICENSE.test(raw)) return { raw };
  if (isLicenseClassifier(raw)) return normalizeClassifier(raw);
  if (raw.length > MAX_NAME_LENGTH || raw.includes('\n')) return { raw };
  // "GPL-2.0 or later", "LGPL v2.1 or any later version": the `+` of SPDX.
  const text = raw.replace(/\s+or\s+(?:any\s+)?later(?:\s+version)?$/i, '+');
  const parsed = parseExpression(raw) ?? parseLoose(text);
  if (parsed) return { expression: formatExpression(parsed), raw };
  // Whole-text correction picks one license; with several named, that would drop the others,
  // and a broken expression (`MIT OR`, `(MIT`) is not a name either.
  if (OPERATOR_WORD.test(text) || /[()]/.test(text)) return { raw };
  const corrected = safeCorrect(text);
  const correctedNode = corrected === undefined ? undefined : parseExpression(corrected);
  return correctedNode ? { expression: formatExpression(correctedNode), raw } : { raw };
}

/** npm's legacy `{ "type": "MIT", "url": "…" }`. */
function declaredType(value: object): string | undefined {
  const type: unknown = (value as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

function normalizeEntry(value: unknown): NormalizedLicense {
  if (typeof value === 'string') return normalizeString(value);
  if (typeof value === 'number') return { raw: String(value) };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const type = declaredType(value);
    return type === undefined ? { raw: '' } : normalizeString(type);
  }
  return { raw: '' };
}

/** `A OR B OR …` of the entries' expressions, or undefined unless every entry has one. */
function joinAlternatives(entries: readonly NormalizedLicense[]): string | undefined {
  const expressions = [...new Set(entries.map((entry) => entry.expression))];
  if (expressions.length === 0 || expressions.some((expression) => expression === undefined)) return undefined;
  const nodes = expressions.map((expression) => (expression === undefined ? undefined : parseExpression(expression)));
  let joined: ExpressionNode | undefined;
  for (const node of nodes) {
    if (node === undefined) return undefined;
    joined = joined === undefined ? node : { kind: 'or', left: joined, right: node };
  }
  return joined === undefined ? undefined : formatExpression(joined);
}

function normalizeList(values: readonly unknown[]): NormalizedLicense {
  const entries = values.slice(0, MAX_LIST_ENTRIES).map(normalizeEntry).filter((entry) => entry.raw !== '');
  const raw = entries.map((entry) => entry.raw).join(' OR ');
  const expression = joinAlternatives(entries);
  return expression === undefined ? { raw } : { expression, raw };
}

/**
 * What package metadata declares, as an SPDX expression: an id or expression in any case, a loose
 * name (`Apache 2.0`, `GPLv3`: spdx-correct's choice), npm's `{type, url}` object, an array of
 * alternatives (npm `licenses`, Composer, gemspec `licenses`: the package may be used under any
 * one of them, so they are joined with OR), or a Python `License ::` classifier. `UNLICENSED`,
 * `Proprietary`, `UNKNOWN`, `SEE LICENSE IN <file>` and anything unrecognised have no expression;
 * the declared text is kept in `raw`. Never throws.
 */
export function normalizeLicense(declared: unknown): NormalizedLicense {
  try {
    return Array.isArray(declared) ? normalizeList(declared) : normalizeEntry(declared);
  } catch {
    // Only a bug could land here (every library call is guarded); keep the scan going.
    return { raw: typeof declared === 'string' ? declared.slice(0, MAX_RAW_LENGTH) : '' };
  }
}

/**
 * Several declared licenses as `Package.licenses` entries: one OR expression when every entry is
 * SPDX, otherwise each entry's expression or raw text, without duplicates or empty ones.
 */
export function normalizeLicenseList(declared: readonly unknown[]): string[] {
  const whole = normalizeLicense(declared);
  if (whole.expression !== undefined) return [whole.expression];
  const entries = declared.slice(0, MAX_LIST_ENTRIES).map(normalizeLicense);
  return [...new Set(entries.map((entry) => entry.expression ?? entry.raw).filter((text) => text !== ''))];
}

/** The file named by npm's `SEE LICENSE IN <file>`, if that is what was declared. */
export function seeLicenseInFile(declared: string): string | undefined {
  const match = /^see licen[cs]e in\s+(\S.*)$/i.exec(declared.trim());
  return match?.[1]?.trim();
}
