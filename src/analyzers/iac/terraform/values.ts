import type { Violation } from '../types.js';
import type { TfResource } from './framework.js';
import type { HclAttribute, HclBlock, HclBody, HclExpr } from './hcl.js';

export function attribute(body: HclBody | undefined, name: string): HclAttribute | undefined {
  return body?.attributes.find((attr) => attr.name === name);
}

export function blocksOf(body: HclBody | undefined, type: string): readonly HclBlock[] {
  return body?.blocks.filter((block) => block.type === type) ?? [];
}

export function firstBlock(body: HclBody | undefined, type: string): HclBlock | undefined {
  return body?.blocks.find((block) => block.type === type);
}

/** A literal string (Terraform turns numbers and bools into strings where one is expected). */
export function literalString(expr: HclExpr | undefined): string | undefined {
  if (expr?.kind === 'string') return expr.value;
  if (expr?.kind === 'number' || expr?.kind === 'bool') return String(expr.value);
  return undefined;
}

/** A literal bool, or the strings "true"/"false" Terraform converts; undefined when unknown. */
export function literalBool(expr: HclExpr | undefined): boolean | undefined {
  if (expr?.kind === 'bool') return expr.value;
  const text = expr?.kind === 'string' ? expr.value.trim().toLowerCase() : undefined;
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

export function literalNumber(expr: HclExpr | undefined): number | undefined {
  if (expr?.kind === 'number') return expr.value;
  if (expr?.kind === 'string' && /^\s*-?\d+\s*$/.test(expr.value)) return Number(expr.value);
  return undefined;
}

/** The literal strings of a list (or a single string), each with its line; computed items are left out. */
export function literalStrings(expr: HclExpr | undefined): { value: string; line: number }[] {
  if (expr === undefined) return [];
  const items = expr.kind === 'list' ? expr.items : [expr];
  return items.flatMap((item) => {
    const value = literalString(item);
    return value === undefined ? [] : [{ value, line: item.line }];
  });
}

/** An entry of a literal object by key. */
export function entry(expr: HclExpr | undefined, key: string): HclExpr | undefined {
  return expr?.kind === 'object' ? expr.entries.find((item) => item.key === key)?.value : undefined;
}

/** One violation at `line` for this resource. */
export function at(target: TfResource, line: number, detail?: string): Violation[] {
  return [{ line, resource: target.resource, ...(detail !== undefined ? { detail } : {}) }];
}

/**
 * An argument that must be literally true, whose provider default is false: fires on a literal
 * false (at its line) or when it is missing (at `missingLine`); a computed value never fires.
 */
export function requireTrue(target: TfResource, body: HclBody, name: string, missingLine: number, detail: string): Violation[] {
  const attr = attribute(body, name);
  if (attr === undefined) return at(target, missingLine, `${name} not set: ${detail}`);
  return literalBool(attr.value) === false ? at(target, attr.line, `${name} = false: ${detail}`) : [];
}

/** Rules that apply to one resource type: `check` runs only on resources of these types. */
export function isResource(target: TfResource, ...types: readonly string[]): boolean {
  return target.kind === 'resource' && types.includes(target.type);
}
