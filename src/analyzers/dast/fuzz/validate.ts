import { asSchema, schemaType, type Schema } from '../api/values.js';

const MAX_DEPTH = 20;
const MAX_ITEMS = 200;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * The first place where `value` breaks `schema` (`$.items[2].id: expected integer, got string`),
 * or undefined. The common subset of JSON Schema that API descriptions use; unknown keywords pass.
 */
export function schemaViolation(schemaInput: unknown, value: unknown, path = '$', depth = 0): string | undefined {
  const schema = asSchema(schemaInput);
  if (!schema || depth > MAX_DEPTH) return undefined;
  if (value === null && (schema['nullable'] === true || (Array.isArray(schema['type']) && schema['type'].includes('null')))) return undefined;
  if (Array.isArray(schema['allOf'])) {
    for (const part of schema['allOf']) {
      const problem = schemaViolation(part, value, path, depth + 1);
      if (problem !== undefined) return problem;
    }
  }
  for (const key of ['oneOf', 'anyOf']) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0 && options.every((o) => schemaViolation(o, value, path, depth + 1) !== undefined)) {
      return `${path}: matches none of the ${key} alternatives`;
    }
  }
  if (Array.isArray(schema['enum']) && !schema['enum'].some((e) => JSON.stringify(e) === JSON.stringify(value))) return `${path}: ${JSON.stringify(value)?.slice(0, 60)} is not one of the declared values`;
  const type = schemaType(schema as Schema);
  const actual = typeOf(value);
  if (type !== undefined && type !== actual && !(type === 'number' && actual === 'integer')) return `${path}: expected ${type}, got ${actual}`;
  if (actual === 'object' && value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of Array.isArray(schema['required']) ? schema['required'] : []) {
      if (typeof name === 'string' && !(name in record)) return `${path}: required property "${name}" is missing`;
    }
    const properties = asSchema(schema['properties']) ?? {};
    for (const [name, item] of Object.entries(record).slice(0, MAX_ITEMS)) {
      if (name in properties) {
        const problem = schemaViolation(properties[name], item, `${path}.${name}`, depth + 1);
        if (problem !== undefined) return problem;
      } else if (schema['additionalProperties'] === false) return `${path}: property "${name}" is not declared`;
    }
  }
  if (actual === 'array' && Array.isArray(value)) {
    for (const [i, item] of value.slice(0, MAX_ITEMS).entries()) {
      const problem = schemaViolation(schema['items'], item, `${path}[${i}]`, depth + 1);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}
