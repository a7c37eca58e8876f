import type { AttackTarget, BodyKind } from '../active/target.js';
import type { ApiOperation, ApiParameter } from './operation.js';
import { asSchema, exampleValue, textValue, toXml, type Schema } from './values.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
const MAX_OPERATIONS = 2000;
// Headers the scan sets itself (auth comes from --bearer / --header).
const SKIPPED_HEADERS = new Set(['authorization', 'content-type', 'accept', 'cookie', 'content-length', 'host']);

function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Where the API lives: the given URL wins; else servers[0] (OpenAPI 3) or scheme+host+basePath (Swagger 2). */
export function apiBaseUrl(doc: Record<string, unknown>, given: string | undefined, specUrl: string | undefined): string | undefined {
  const base = given ?? specUrl;
  if (typeof doc['swagger'] === 'string') {
    const host = typeof doc['host'] === 'string' ? doc['host'] : undefined;
    const basePath = typeof doc['basePath'] === 'string' ? doc['basePath'] : '';
    const scheme = (arr(doc['schemes']).find((s) => s === 'https' || s === 'http') as string | undefined) ?? 'http';
    if (given !== undefined) return new URL(basePath || '/', given).href;
    if (host !== undefined) return `${scheme}://${host}${basePath}`;
    return base === undefined ? undefined : new URL(basePath || '/', base).href;
  }
  const server = obj(arr(doc['servers'])[0]);
  let url = typeof server['url'] === 'string' ? server['url'] : '/';
  for (const [name, variable] of Object.entries(obj(server['variables']))) url = url.replace(`{${name}}`, textValue(obj(variable)['default']));
  if (given !== undefined) {
    // A server with a host of its own is replaced by the given URL; a relative one (`/api/v1`) is kept below it.
    const path = /^[a-z]+:\/\//i.test(url) ? new URL(url).pathname : url;
    return new URL(path.replace(/^\/?/, ''), given.endsWith('/') ? given : `${given}/`).href;
  }
  if (/^[a-z]+:\/\//i.test(url)) return url;
  return base === undefined ? undefined : new URL(url, base).href;
}

interface Body {
  readonly kind: BodyKind;
  readonly schema: Schema | undefined;
  readonly value: unknown;
}

function requestBody(op: Record<string, unknown>, params: readonly Record<string, unknown>[]): Body {
  const swaggerBody = params.find((p) => p['in'] === 'body');
  if (swaggerBody) return { kind: 'json', schema: asSchema(swaggerBody['schema']), value: exampleValue(swaggerBody['schema']) };
  const form = params.filter((p) => p['in'] === 'formData');
  if (form.length > 0) {
    const properties = Object.fromEntries(form.map((p) => [String(p['name']), p]));
    return { kind: 'form', schema: { type: 'object', properties }, value: Object.fromEntries(form.map((p) => [String(p['name']), exampleValue(p, String(p['name']))])) };
  }
  const content = obj(obj(op['requestBody'])['content']);
  const types = Object.keys(content);
  const pick = types.find((t) => /json/i.test(t)) ?? types.find((t) => /x-www-form-urlencoded/i.test(t)) ?? types.find((t) => /xml/i.test(t));
  if (pick === undefined) return { kind: 'none', schema: undefined, value: undefined };
  const media = obj(content[pick]);
  const schema = asSchema(media['schema']);
  const value = media['example'] !== undefined ? media['example'] : exampleValue(schema);
  return { kind: /json/i.test(pick) ? 'json' : /xml/i.test(pick) ? 'xml' : 'form', schema, value };
}

function responseSchemas(op: Record<string, unknown>): Map<string, Schema | undefined> {
  const out = new Map<string, Schema | undefined>();
  for (const [status, response] of Object.entries(obj(op['responses']))) {
    const r = obj(response);
    const content = obj(r['content']);
    const json = Object.keys(content).find((t) => /json/i.test(t));
    out.set(status, json !== undefined ? asSchema(obj(content[json])['schema']) : asSchema(r['schema']));
  }
  return out;
}

/** Every operation of a dereferenced OpenAPI 3 / Swagger 2 document, with valid values. */
export function openApiOperations(doc: Record<string, unknown>, baseUrl: string): ApiOperation[] {
  const operations: ApiOperation[] = [];
  const base = baseUrl.replace(/\/+$/, '');
  const basePathSegments = new URL(`${base}/`).pathname.split('/').filter((s) => s !== '').length;
  for (const [template, itemValue] of Object.entries(obj(doc['paths']))) {
    const item = obj(itemValue);
    for (const method of METHODS) {
      if (operations.length >= MAX_OPERATIONS) return operations;
      const op = obj(item[method]);
      if (item[method] === undefined) continue;
      const merged = new Map<string, Record<string, unknown>>();
      for (const p of [...arr(item['parameters']), ...arr(op['parameters'])].map(obj)) merged.set(`${String(p['in'])}:${String(p['name'])}`, p);
      const params = [...merged.values()];
      const parameters: ApiParameter[] = [];
      const query: [string, string][] = [];
      const headers: Record<string, string> = {};
      let path = template;
      const pathParams: number[] = [];
      const pathParamNames: string[] = [];
      const segments = template.split('/').filter((s) => s !== '');
      for (const p of params) {
        const name = String(p['name'] ?? '');
        const schema = asSchema(p['schema']) ?? (p as Schema);
        const value = p['example'] !== undefined ? p['example'] : exampleValue(schema, name);
        const required = p['required'] === true;
        if (p['in'] === 'path') {
          path = path.replace(`{${name}}`, encodeURIComponent(textValue(value)));
          const index = segments.findIndex((s) => s === `{${name}}`);
          if (index !== -1) {
            pathParams.push(basePathSegments + index);
            pathParamNames.push(name);
          }
          parameters.push({ name, in: 'path', schema, required: true });
        } else if (p['in'] === 'query') {
          query.push([name, textValue(value)]);
          parameters.push({ name, in: 'query', schema, required });
        } else if (p['in'] === 'header' && !SKIPPED_HEADERS.has(name.toLowerCase())) {
          headers[name] = textValue(value);
          parameters.push({ name, in: 'header', schema, required });
        }
      }
      const body = requestBody(op, params);
      if (body.kind !== 'none' && body.schema) {
        for (const [name, schema] of Object.entries(obj(body.schema['properties']))) {
          const required = arr(body.schema['required']).includes(name);
          parameters.push({ name, in: body.kind === 'form' ? 'form' : 'body', schema: asSchema(schema) ?? {}, required });
        }
      }
      const form = body.kind === 'form' ? Object.entries(obj(body.value)).map(([k, v]) => [k, textValue(v)] as const) : [];
      const target: AttackTarget = {
        method: method.toUpperCase(),
        url: `${base}${path.startsWith('/') ? path : `/${path}`}`,
        query,
        bodyKind: body.kind,
        form,
        ...(body.kind === 'json' ? { json: body.value } : {}),
        ...(body.kind === 'xml' ? { xml: `<?xml version="1.0"?>${toXml(body.value, typeof body.schema?.['xml'] === 'object' ? String(obj(body.schema['xml'])['name'] ?? 'root') : 'root')}` } : {}),
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        pathParams,
        pathParamNames,
        source: 'openapi',
        label: `${method.toUpperCase()} ${template}`,
      };
      operations.push({ target, parameters, responses: responseSchemas(op) });
    }
  }
  return operations;
}
