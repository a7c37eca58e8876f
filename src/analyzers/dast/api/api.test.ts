import { describe, expect, it } from 'vitest';
import { schemaViolation } from '../fuzz/validate.js';
import { mutationsFor } from '../fuzz/mutations.js';
import { apiBaseUrl, openApiOperations } from './openapi.js';
import { harOperations, postmanOperations } from './postman-har.js';
import { exampleValue } from './values.js';

describe('analyzers/dast/api', () => {
  it('generates valid values from schemas: examples, enums, formats, bounds, nesting', () => {
    expect(exampleValue({ type: 'integer', minimum: 5, maximum: 9 })).toBe(5);
    expect(exampleValue({ type: 'string', enum: ['red', 'blue'] })).toBe('red');
    expect(exampleValue({ type: 'string', format: 'email' })).toBe('bulwark@example.com');
    expect(exampleValue({ type: 'string', format: 'date-time' })).toBe('2024-01-01T00:00:00Z');
    expect(exampleValue({ type: 'string', minLength: 12 })).toHaveLength(12);
    expect(exampleValue({ type: 'object', properties: { id: { type: 'integer', readOnly: true }, tags: { type: 'array', items: { type: 'string', example: 'x' } } } })).toEqual({ tags: ['x'] });
    expect(exampleValue({ allOf: [{ type: 'object', properties: { a: { type: 'boolean' } } }, { type: 'object', properties: { b: { type: 'number' } } }] })).toEqual({ a: true, b: 1 });
    const loop: Record<string, unknown> = { type: 'object', properties: {} };
    (loop['properties'] as Record<string, unknown>)['self'] = loop;
    expect(() => exampleValue(loop)).not.toThrow();
  });

  it('builds operations with path parameters, queries and bodies under the server URL', () => {
    const doc = {
      openapi: '3.0.0',
      servers: [{ url: '/v1' }],
      paths: {
        '/pets/{petId}': {
          parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer', example: 7 } }],
          get: { parameters: [{ name: 'fields', in: 'query', schema: { type: 'string', enum: ['name'] } }], responses: { '200': { description: 'ok' } } },
          put: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } }, responses: {} },
        },
      },
    };
    const base = apiBaseUrl(doc, 'http://127.0.0.1:8080', undefined);
    expect(base).toBe('http://127.0.0.1:8080/v1');
    const [get, put] = openApiOperations(doc, base ?? '');
    expect(get?.target).toMatchObject({ method: 'GET', url: 'http://127.0.0.1:8080/v1/pets/7', query: [['fields', 'name']], pathParams: [2] });
    expect(put?.target).toMatchObject({ method: 'PUT', bodyKind: 'json', json: { name: 'bulwark' } });
    expect(apiBaseUrl({ swagger: '2.0', host: 'api.example.com', basePath: '/v2', schemes: ['https'] }, undefined, undefined)).toBe('https://api.example.com/v2');
  });

  it('reads Postman variables and folders, and HAR entries', () => {
    const postman = postmanOperations(
      { variable: [{ key: 'host', value: 'http://h:1' }], item: [{ item: [{ request: { method: 'POST', url: '{{host}}/a?x=1', body: { mode: 'raw', raw: '{"k":2}', options: { raw: { language: 'json' } } } } }] }] },
      undefined,
    );
    expect(postman[0]?.target).toMatchObject({ method: 'POST', url: 'http://h:1/a', query: [['x', '1']], bodyKind: 'json', json: { k: 2 } });
    const har = harOperations({ log: { entries: [{ request: { method: 'POST', url: 'http://h:1/f', headers: [{ name: ':authority', value: 'h' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'a=1&b=2' } } }] } });
    expect(har[0]?.target).toMatchObject({ bodyKind: 'form', form: [['a', '1'], ['b', '2']] });
    expect(har[0]?.target.headers).toBeUndefined();
  });

  it('validates responses against their schema and mutates by type', () => {
    const schema = { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } };
    expect(schemaViolation(schema, { id: 1, tags: ['a'] })).toBeUndefined();
    expect(schemaViolation(schema, { tags: ['a'] })).toMatch(/required property "id"/);
    expect(schemaViolation(schema, { id: 1, tags: [3] })).toMatch(/\$\.tags\[0\]: expected string/);
    const labels = mutationsFor({ type: 'integer', minimum: 1, maximum: 10 }, '1').map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['below minimum', 'above maximum', 'string instead of a number', 'fraction for an integer']));
    expect(mutationsFor({ type: 'string', format: 'uuid', maxLength: 36 }, 'x').map((m) => m.label)).toEqual(expect.arrayContaining(['invalid uuid', 'longer than maxLength']));
  });
});
