import type { HclAttribute, HclBlock, HclBody, HclEntry, HclExpr } from './hcl.js';

/** `var.x` and `local.y` whose values are written out literally in the file. */
export type Constants = ReadonlyMap<string, HclExpr>;

/** Locals may name other locals or variables; a few rounds settle any sane chain. */
const MAX_ROUNDS = 8;

/** A value with no reference or computation anywhere inside. */
export function isLiteral(expr: HclExpr): boolean {
  switch (expr.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'null':
      return true;
    case 'list':
      return expr.items.every(isLiteral);
    case 'object':
      return expr.entries.every((entry) => entry.key !== undefined && isLiteral(entry.value));
    default:
      return false;
  }
}

/** Variable defaults and locals of these blocks that are literal (after substituting each other). */
export function constantsOf(blocks: readonly HclBlock[]): Constants {
  const constants = new Map<string, HclExpr>();
  for (const block of blocks) {
    const name = block.labels[0];
    const value = block.body.attributes.find((attribute) => attribute.name === 'default')?.value;
    if (block.type === 'variable' && name !== undefined && value !== undefined && isLiteral(value)) constants.set(`var.${name}`, value);
  }
  const locals = blocks.filter((block) => block.type === 'locals').flatMap((block) => block.body.attributes);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let added = false;
    for (const local of locals) {
      const key = `local.${local.name}`;
      if (constants.has(key)) continue;
      const value = resolve(local.value, constants);
      if (!isLiteral(value)) continue;
      constants.set(key, value);
      added = true;
    }
    if (!added) break;
  }
  return constants;
}

/** The same value with every line moved to `line`: a constant used here is reported here. */
function relocate(expr: HclExpr, line: number): HclExpr {
  switch (expr.kind) {
    case 'list':
      return { kind: 'list', items: expr.items.map((item) => relocate(item, line)), line };
    case 'object':
      return { kind: 'object', entries: expr.entries.map((entry) => ({ key: entry.key, line, value: relocate(entry.value, line) })), line };
    case 'call':
      return { kind: 'call', name: expr.name, args: expr.args.map((arg) => relocate(arg, line)), line };
    default:
      return { ...expr, line };
  }
}

/** Replaces known `var.x` / `local.x` references by their literal values. */
export function resolve(expr: HclExpr, constants: Constants): HclExpr {
  switch (expr.kind) {
    case 'ref': {
      const value = constants.get(expr.path);
      return value === undefined ? expr : relocate(value, expr.line);
    }
    case 'list':
      return { ...expr, items: expr.items.map((item) => resolve(item, constants)) };
    case 'object':
      return { ...expr, entries: expr.entries.map((entry): HclEntry => ({ ...entry, value: resolve(entry.value, constants) })) };
    case 'call':
      return { ...expr, args: expr.args.map((arg) => resolve(arg, constants)) };
    default:
      return expr;
  }
}

export function resolveBody(body: HclBody, constants: Constants): HclBody {
  if (constants.size === 0) return body;
  return {
    attributes: body.attributes.map((attribute): HclAttribute => ({ ...attribute, value: resolve(attribute.value, constants) })),
    blocks: body.blocks.map((block): HclBlock => ({ ...block, body: resolveBody(block.body, constants) })),
  };
}
