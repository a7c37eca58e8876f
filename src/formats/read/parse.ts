import type { Problem } from '../../core/result.js';
import { err, ok, type Result } from '../../core/result.js';
import { describeJsonFailure, lineAndColumn, locateJsonError } from '../../lockfiles/json-scan.js';
import { isObject, type JsonObject } from './check.js';

export interface ParseLimits {
  readonly maxBytes: number;
  readonly maxStringLength: number;
  readonly maxDepth: number;
}

export interface ParsedDocument {
  readonly document: JsonObject;
  /** Warnings about repairs made on the way in (NUL characters, unpaired surrogates). */
  readonly warnings: Problem[];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

function problem(code: string, message: string, file: string | undefined, level: Problem['level'] = 'error'): Problem {
  return file === undefined ? { code, message, level } : { code, message, file, level };
}

/** Decode bytes as strict UTF-8 (a BOM is dropped); invalid UTF-8 is a refusal, not a silent U+FFFD. */
export function decodeReportBytes(bytes: Uint8Array, file: string | undefined, maxBytes: number): Result<string, Problem[]> {
  if (bytes.byteLength > maxBytes) {
    return err([problem('report-too-large', `report is ${bytes.byteLength} bytes, more than the limit of ${maxBytes}`, file)]);
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return err([problem('invalid-utf8', 'report is not valid UTF-8 text', file)]);
  }
}

interface Repairs {
  nul: number;
  surrogates: number;
}

/** A string made safe to store: NUL written as the text `\u0000` (as GitLab does) and unpaired surrogates as U+FFFD. */
function repair(text: string, repairs: Repairs): string {
  let out = text;
  if (out.includes('\u0000')) {
    repairs.nul++;
    out = out.replaceAll('\u0000', '\\u0000');
  }
  if (HAS_SURROGATE.test(out)) {
    const fixed = out.replace(LONE_SURROGATE, '\uFFFD');
    if (fixed !== out) repairs.surrogates++;
    out = fixed;
  }
  return out;
}

/**
 * Walk the parsed value once, without recursion, enforcing depth and string size and repairing
 * strings in place. Returns a refusal message or undefined.
 */
function walk(root: JsonObject, limits: ParseLimits, repairs: Repairs): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > limits.maxDepth) return `nesting deeper than ${limits.maxDepth} levels`;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const entry: unknown = value[i];
        if (typeof entry === 'string') {
          if (entry.length > limits.maxStringLength) return `a string of ${entry.length} characters, more than the limit of ${limits.maxStringLength}`;
          value[i] = repair(entry, repairs);
        } else if (typeof entry === 'object' && entry !== null) stack.push({ value: entry, depth: depth + 1 });
      }
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        if (key.length > limits.maxStringLength) return `a key of ${key.length} characters, more than the limit of ${limits.maxStringLength}`;
        const entry = value[key];
        const safeKey = repair(key, repairs);
        if (safeKey !== key) {
          delete value[key];
          value[safeKey] = entry;
        }
        if (typeof entry === 'string') {
          if (entry.length > limits.maxStringLength) return `a string of ${entry.length} characters, more than the limit of ${limits.maxStringLength}`;
          value[safeKey] = repair(entry, repairs);
        } else if (typeof entry === 'object' && entry !== null) stack.push({ value: entry, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** Report text → a JSON object within limits, or Problems saying why not (with line:column for bad JSON). */
export function parseReportText(text: string, file: string | undefined, limits: ParseLimits): Result<ParsedDocument, Problem[]> {
  // Cheap bound first: a UTF-16 length already over the byte limit is over it in UTF-8 too.
  if (text.length > limits.maxBytes || Buffer.byteLength(text, 'utf8') > limits.maxBytes) {
    return err([problem('report-too-large', `report is larger than the limit of ${limits.maxBytes} bytes`, file)]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return err([problem('invalid-json', 'report is empty', file)]);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const offset = locateJsonError(body);
    const where = offset === undefined ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(body, offset));
    const truncated = offset !== undefined && offset >= body.trimEnd().length ? ' (the report looks truncated)' : '';
    return err([problem('invalid-json', `report is not valid JSON${where}: ${describeJsonFailure(error)}${truncated}`, file)]);
  }
  if (!isObject(value)) return err([problem('invalid-report', 'report must be a JSON object', file)]);
  const repairs: Repairs = { nul: 0, surrogates: 0 };
  const refusal = walk(value, limits, repairs);
  if (refusal !== undefined) return err([problem('report-limit', `report refused: ${refusal}`, file)]);
  const warnings: Problem[] = [];
  if (repairs.nul > 0) {
    warnings.push(problem('nul-escaped', `${repairs.nul} string(s) held NUL characters, kept as the text \\u0000 (a database cannot store NUL)`, file, 'warn'));
  }
  if (repairs.surrogates > 0) {
    warnings.push(problem('invalid-unicode', `${repairs.surrogates} string(s) held unpaired UTF-16 surrogates, replaced with U+FFFD`, file, 'warn'));
  }
  return ok({ document: value, warnings });
}
