/** A JSON Schema as found in API descriptions: untrusted, narrowed field by field. */
export type Schema = Readonly<Record<string, unknown>>;

const MAX_DEPTH = 6;
const MAX_PROPERTIES = 40;

export function asSchema(value: unknown): Schema | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;
}

export function schemaType(schema: Schema): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (schema['properties'] !== undefined) return 'object';
  if (schema['items'] !== undefined) return 'array';
  return undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringFor(schema: Schema, name: string): string {
  const format = typeof schema['format'] === 'string' ? schema['format'] : '';
  const byFormat: Record<string, string> = {
    date: '2024-01-01',
    'date-time': '2024-01-01T00:00:00Z',
    time: '12:00:00',
    email: 'bulwark@example.com',
    uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    uri: 'https://example.com/',
    url: 'https://example.com/',
    hostname: 'example.com',
    ipv4: '192.0.2.1',
    ipv6: '2001:db8::1',
    byte: 'YnVsd2Fyaw==',
    password: 'Bulwark-Test-1',
  };
  let value = byFormat[format] ?? (/mail/i.test(name) ? 'bulwark@example.com' : /url|uri|link/i.test(name) ? 'https://example.com/' : 'bulwark');
  const min = num(schema['minLength']);
  const max = num(schema['maxLength']);
  if (min !== undefined && value.length < min) value = value.padEnd(Math.min(min, 10_000), 'x');
  if (max !== undefined && value.length > max) value = value.slice(0, Math.max(0, max));
  return value;
}

function numberFor(schema: Schema, integer: boolean): number {
  const min = num(schema['minimum']) ?? (num(schema['exclusiveMinimum']) !== undefined ? (num(schema['exclusiveMinimum']) ?? 0) + 1 : undefined);
  const max = num(schema['maximum']) ?? (num(schema['exclusiveMaximum']) !== undefined ? (num(schema['exclusiveMaximum']) ?? 2) - 1 : undefined);
  let value = min ?? 1;
  if (max !== undefined && value > max) value = max;
  return integer ? Math.ceil(value) : value;
}

/** A valid value for a schema: its example, default or first enum value, else one built from type and format. */
export function exampleValue(schemaInput: unknown, name = '', depth = 0): unknown {
  const schema = asSchema(schemaInput);
  if (!schema || depth > MAX_DEPTH) return null;
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  if (schema['default'] !== undefined) return schema['default'];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  if (schema['const'] !== undefined) return schema['const'];
  for (const key of ['oneOf', 'anyOf']) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return exampleValue(options[0], name, depth + 1);
  }
  if (Array.isArray(schema['allOf'])) {
    const merged: Record<string, unknown> = {};
    for (const part of schema['allOf']) {
      const value = exampleValue(part, name, depth + 1);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(merged, value);
    }
    return merged;
  }
  switch (schemaType(schema)) {
    case 'string':
      return stringFor(schema, name);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return true;
    case 'array': {
      const count = Math.max(1, num(schema['minItems']) ?? 1);
      return Array.from({ length: Math.min(count, 3) }, () => exampleValue(schema['items'], name, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = asSchema(schema['properties']) ?? {};
      for (const [key, value] of Object.entries(properties).slice(0, MAX_PROPERTIES)) {
        const prop = asSchema(value);
        if (prop?.['readOnly'] === true) continue;
        out[key] = exampleValue(value, key, depth + 1);
      }
      return out;
    }
    default:
      return 'bulwark';
  }
}

/** A value as it goes into a URL or form field. */
export function textValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A small XML document for an object value (root element `root` unless named). */
export function toXml(value: unknown, name = 'root', depth = 0): string {
  const tag = /^[A-Za-z_][\w.-]*$/.test(name) ? name : 'item';
  if (depth > MAX_DEPTH) return `<${tag}/>`;
  if (Array.isArray(value)) return value.map((item) => toXml(item, tag, depth + 1)).join('');
  if (value !== null && typeof value === 'object') {
    return `<${tag}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => toXml(v, k, depth + 1)).join('')}</${tag}>`;
  }
  const text = textValue(value).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<${tag}>${text}</${tag}>`;
}
