import type { AttackTarget, BodyKind } from '../active/target.js';
import { splitUrl } from '../http/types.js';
import type { ApiOperation } from './operation.js';

const MAX_REQUESTS = 2000;
const SKIPPED_HEADERS = new Set(['content-length', 'host', 'cookie', 'connection', 'accept-encoding']);

function obj(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A recorded request as a target: JSON and form bodies become injectable fields. */
function targetOf(method: string, url: string, headers: Record<string, string>, body: { type: string; text: string } | undefined, source: string): AttackTarget | undefined {
  const split = splitUrl(url);
  if (!split) return undefined;
  const q = split.pathAndQuery.indexOf('?');
  const path = q === -1 ? split.pathAndQuery : split.pathAndQuery.slice(0, q);
  const query: [string, string][] = q === -1 ? [] : [...new URLSearchParams(split.pathAndQuery.slice(q + 1))];
  let bodyKind: BodyKind = 'none';
  let json: unknown;
  let form: [string, string][] = [];
  let xml: string | undefined;
  if (body && body.text !== '') {
    if (/json/i.test(body.type) || /^\s*[[{]/.test(body.text)) {
      try {
        json = JSON.parse(body.text) as unknown;
        bodyKind = 'json';
      } catch {
        bodyKind = 'none';
      }
    } else if (/xml/i.test(body.type) || /^\s*</.test(body.text)) {
      bodyKind = 'xml';
      xml = body.text;
    } else {
      form = [...new URLSearchParams(body.text)];
      bodyKind = 'form';
    }
  }
  const kept = Object.fromEntries(Object.entries(headers).filter(([k]) => !SKIPPED_HEADERS.has(k.toLowerCase()) && k.toLowerCase() !== 'content-type'));
  const segments = path.split('/').filter((s) => s !== '');
  const last = segments.length - 1;
  const pathParams = last >= 0 && /^(\d+|[0-9a-f-]{36})$/i.test(segments[last] ?? '') ? [last] : [];
  return {
    method: method.toUpperCase(),
    url: `${split.origin}${path}`,
    query,
    bodyKind,
    form,
    ...(json === undefined ? {} : { json }),
    ...(xml === undefined ? {} : { xml }),
    ...(Object.keys(kept).length > 0 ? { headers: kept } : {}),
    pathParams,
    source,
    label: `${method.toUpperCase()} ${path}`,
  };
}

function operation(target: AttackTarget | undefined): ApiOperation[] {
  return target ? [{ target, parameters: [], responses: new Map() }] : [];
}

/** Requests of a Postman collection (v2.0/v2.1), folders included; `{{variables}}` from the collection. */
export function postmanOperations(doc: unknown, baseUrl: string | undefined): ApiOperation[] {
  const root = obj(doc);
  const variables = new Map<string, string>();
  for (const v of arr(root['variable']).map(obj)) variables.set(str(v['key']), str(v['value']));
  const expand = (text: string): string =>
    text.replace(/\{\{([^}]{1,100})\}\}/g, (whole, name: string) => variables.get(name) ?? (baseUrl !== undefined && text.startsWith(whole) ? baseUrl.replace(/\/+$/, '') : whole));
  const out: ApiOperation[] = [];
  const walk = (items: unknown[], depth: number): void => {
    for (const item of items.map(obj)) {
      if (out.length >= MAX_REQUESTS || depth > 20) return;
      if (Array.isArray(item['item'])) {
        walk(item['item'], depth + 1);
        continue;
      }
      const request = typeof item['request'] === 'string' ? { url: item['request'] } : obj(item['request']);
      const urlField = request['url'];
      const raw = typeof urlField === 'string' ? urlField : str(obj(urlField)['raw']);
      if (raw === '') continue;
      let url = expand(raw);
      if (!/^https?:\/\//i.test(url) && baseUrl !== undefined) url = new URL(url.replace(/^\/?/, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
      const headers: Record<string, string> = {};
      for (const h of arr(request['header']).map(obj)) if (h['disabled'] !== true) headers[str(h['key'])] = expand(str(h['value']));
      const bodySpec = obj(request['body']);
      let body: { type: string; text: string } | undefined;
      if (bodySpec['mode'] === 'raw') body = { type: str(obj(obj(bodySpec['options'])['raw'])['language']) || str(headers['Content-Type']), text: expand(str(bodySpec['raw'])) };
      else if (bodySpec['mode'] === 'urlencoded') {
        const pairs = arr(bodySpec['urlencoded']).map(obj).filter((p) => p['disabled'] !== true);
        body = { type: 'form', text: new URLSearchParams(pairs.map((p) => [str(p['key']), expand(str(p['value']))] as [string, string])).toString() };
      }
      out.push(...operation(targetOf(str(request['method']) || 'GET', url, headers, body, 'postman')));
    }
  };
  walk(arr(root['item']), 0);
  return out;
}

/** Requests recorded in a HAR file (browser dev tools, proxies). */
export function harOperations(doc: unknown): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const entry of arr(obj(obj(doc)['log'])['entries']).map(obj).slice(0, MAX_REQUESTS)) {
    const request = obj(entry['request']);
    const headers: Record<string, string> = {};
    for (const h of arr(request['headers']).map(obj)) {
      const name = str(h['name']);
      if (name !== '' && !name.startsWith(':')) headers[name] = str(h['value']);
    }
    const post = obj(request['postData']);
    const text = str(post['text']) || (Array.isArray(post['params']) ? new URLSearchParams(arr(post['params']).map(obj).map((p) => [str(p['name']), str(p['value'])] as [string, string])).toString() : '');
    out.push(...operation(targetOf(str(request['method']) || 'GET', str(request['url']), headers, text === '' ? undefined : { type: str(post['mimeType']), text }, 'har')));
  }
  return out;
}
