import type { Located } from '../located-yaml.js';
import type { CfnResource } from './framework.js';
import type { Violation } from '../types.js';

/** `{ Ref: … }`, `{ "Fn::If": … }`, `{ Condition: … }`: a value CloudFormation computes at deploy time. */
export function isIntrinsic(value: Located | undefined): boolean {
  if (!value?.isMap()) return false;
  const keys = value.entries().map(([key]) => key);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]?.startsWith('Fn::') === true);
}

/** A literal boolean (CloudFormation also takes the strings "true"/"false"); undefined when unknown. */
export function literalBool(value: Located | undefined): boolean | undefined {
  const scalar = value?.scalar();
  if (scalar === true || scalar === false) return scalar;
  if (typeof scalar === 'string') {
    const text = scalar.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return undefined;
}

/** A literal number (or numeric string); undefined for intrinsics and anything else. */
export function literalNumber(value: Located | undefined): number | undefined {
  const scalar = value?.scalar();
  if (typeof scalar === 'number') return scalar;
  if (typeof scalar === 'string' && /^\s*-?\d+\s*$/.test(scalar)) return Number(scalar);
  return undefined;
}

/** A literal string; undefined for intrinsics, maps and lists. */
export function literalString(value: Located | undefined): string | undefined {
  const scalar = value?.scalar();
  return typeof scalar === 'string' ? scalar : undefined;
}

/** A resource property, undefined when the resource has no `Properties` map or not this key. */
export function property(target: CfnResource, ...path: (string | number)[]): Located | undefined {
  return target.properties?.at(...path);
}

/** Where to point when a property is missing: the resource's `Type:` line. */
export function typeLine(target: CfnResource): number {
  return target.node.get('Type')?.line ?? target.node.line;
}

/** One violation at `line` for this resource. */
export function at(target: CfnResource, line: number, detail?: string): Violation[] {
  return [{ line, resource: target.resource, ...(detail !== undefined ? { detail } : {}) }];
}

/**
 * A boolean property that must be literally true: fires on a literal false (at its line) or a
 * missing property (at the Type line); an intrinsic or an odd value is unknown and never fires.
 */
export function requireTrue(target: CfnResource, path: readonly string[], detail: string): Violation[] {
  // The whole Properties map (or a parent) may itself be computed.
  if (isIntrinsic(target.node.get('Properties'))) return [];
  for (let depth = 1; depth < path.length; depth++) if (isIntrinsic(property(target, ...path.slice(0, depth)))) return [];
  const value = property(target, ...path);
  if (value === undefined) return at(target, nearestLine(target, path), `${path.join('.')} not set: ${detail}`);
  return literalBool(value) === false ? at(target, value.line, `${path.join('.')} is false: ${detail}`) : [];
}

/** The line of the deepest part of `path` that is written, or the Type line when none is. */
function nearestLine(target: CfnResource, path: readonly string[]): number {
  for (let depth = path.length - 1; depth >= 1; depth--) {
    const parent = property(target, ...path.slice(0, depth));
    if (parent !== undefined) return parent.line;
  }
  return typeLine(target);
}
