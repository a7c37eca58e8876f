import { schemaType, type Schema } from '../api/values.js';

export interface Mutation {
  /** What was changed, for the finding (`integer above maximum`). */
  readonly label: string;
  /** The value as sent: in JSON bodies its type is kept (a number stays a number). */
  readonly value: unknown;
}

const LONG = 'A'.repeat(10_000);

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Type, bound, format and encoding mutations for a parameter with this schema (or this sample value). */
export function mutationsFor(schema: Schema | undefined, sample: string): Mutation[] {
  const type = (schema ? schemaType(schema) : undefined) ?? (/^-?\d+$/.test(sample) ? 'integer' : /^-?\d+\.\d+$/.test(sample) ? 'number' : sample === 'true' || sample === 'false' ? 'boolean' : 'string');
  const out: Mutation[] = [
    { label: 'null', value: null },
    { label: 'empty string', value: '' },
    { label: 'object instead of a scalar', value: { bwk: 1 } },
    { label: 'NUL byte', value: `${sample}\u0000` },
    { label: 'invalid percent-encoding', value: '%ff%fe%' },
    { label: 'lone UTF-16 surrogate', value: '\ud800' },
    { label: 'right-to-left and emoji', value: '\u202e😀𝔘' },
  ];
  if (type === 'integer' || type === 'number') {
    const min = num(schema?.['minimum']);
    const max = num(schema?.['maximum']);
    out.push(
      { label: 'string instead of a number', value: 'bwk' },
      { label: 'negative', value: -1 },
      { label: 'zero', value: 0 },
      { label: 'above 32-bit range', value: 2147483648 },
      { label: 'above 64-bit range', value: '9223372036854775808' },
      { label: 'huge exponent', value: 1e308 },
      { label: 'NaN text', value: 'NaN' },
    );
    if (type === 'integer') out.push({ label: 'fraction for an integer', value: 1.5 });
    if (min !== undefined) out.push({ label: 'below minimum', value: min - 1 });
    if (max !== undefined) out.push({ label: 'above maximum', value: max + 1 });
  } else if (type === 'boolean') {
    out.push({ label: 'string instead of a boolean', value: 'maybe' }, { label: 'number instead of a boolean', value: 2 });
  } else if (type === 'array') {
    out.push({ label: 'string instead of an array', value: 'bwk' }, { label: 'nested arrays', value: [[[[[['bwk']]]]]] });
  } else if (type === 'object') {
    out.push({ label: 'array instead of an object', value: ['bwk'] }, { label: 'string instead of an object', value: 'bwk' });
  } else {
    const maxLength = num(schema?.['maxLength']);
    out.push(
      { label: 'very long string', value: LONG },
      { label: 'number instead of a string', value: 12345 },
      { label: 'quotes and angle brackets', value: `'"<>\\` },
      { label: 'format string', value: '%s%s%s%n%x' },
    );
    if (maxLength !== undefined) out.push({ label: 'longer than maxLength', value: 'A'.repeat(Math.min(maxLength + 1, 100_000)) });
    const format = typeof schema?.['format'] === 'string' ? schema['format'] : '';
    if (format !== '') out.push({ label: `invalid ${format}`, value: format.startsWith('date') ? '2024-13-45T25:61:61Z' : `not-a-${format}` });
  }
  if (schema && Array.isArray(schema['enum'])) out.push({ label: 'value outside the enum', value: 'bwk-not-in-enum' });
  return out;
}
