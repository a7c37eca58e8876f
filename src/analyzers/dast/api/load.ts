import { readFile } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { err, ok, type Problem, type Result } from '../../../core/result.js';
import type { AttackTarget } from '../active/target.js';
import { apiBaseUrl, openApiOperations } from './openapi.js';
import type { ApiOperation } from './operation.js';
import { harOperations, postmanOperations } from './postman-har.js';

export type { ApiOperation } from './operation.js';

export interface LoadedApi {
  readonly baseUrl: string | undefined;
  readonly operations: readonly ApiOperation[];
  readonly targets: readonly AttackTarget[];
  readonly problems: readonly Problem[];
}

// An API description is read whole; past this it is refused rather than parsed.
const MAX_SPEC_BYTES = 20 * 1024 * 1024;

async function readSource(source: string): Promise<Result<string, string>> {
  if (/^https?:\/\//i.test(source)) {
    try {
      const response = await fetch(source, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) return err(`cannot fetch ${source}: HTTP ${response.status}`);
      const text = await response.text();
      return text.length > MAX_SPEC_BYTES ? err(`${source} is larger than ${MAX_SPEC_BYTES} bytes`) : ok(text);
    } catch (error) {
      return err(`cannot fetch ${source}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  try {
    const text = await readFile(source, 'utf8');
    return text.length > MAX_SPEC_BYTES ? err(`${source} is larger than ${MAX_SPEC_BYTES} bytes`) : ok(text);
  } catch (error) {
    return err(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseDocument(text: string, source: string): Result<unknown, string> {
  try {
    return ok(/^\s*[{[]/.test(text) ? (JSON.parse(text) as unknown) : (parseYaml(text, { maxAliasCount: 1000 }) as unknown));
  } catch (error) {
    return err(`${source} is neither JSON nor YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** Read an OpenAPI/Swagger, Postman or HAR description into attack targets and operations. */
export async function loadApiTargets(api: { kind: 'openapi' | 'postman' | 'har'; source: string }, givenUrl: string | undefined): Promise<Result<LoadedApi, string>> {
  const text = await readSource(api.source);
  if (!text.ok) return text;
  const parsed = parseDocument(text.value, api.source);
  if (!parsed.ok) return parsed;
  let operations: ApiOperation[];
  let baseUrl = givenUrl;
  if (api.kind === 'openapi') {
    let doc: Record<string, unknown>;
    try {
      // External references resolve against the file (or URL) the description came from.
      doc = (await SwaggerParser.dereference(api.source.startsWith('http') ? api.source : api.source, parsed.value as never, {
        resolve: { http: /^https?:\/\//i.test(api.source) ? {} : false },
        dereference: { circular: 'ignore' },
      })) as unknown as Record<string, unknown>;
    } catch (error) {
      return err(`${api.source} is not a valid OpenAPI or Swagger description: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    baseUrl = apiBaseUrl(doc, givenUrl, /^https?:\/\//i.test(api.source) ? api.source : undefined);
    if (baseUrl === undefined) return err(`${api.source} names no server URL; give the API's URL as the scan target`);
    operations = openApiOperations(doc, baseUrl);
  } else if (api.kind === 'postman') {
    operations = postmanOperations(parsed.value, givenUrl);
    baseUrl ??= operations[0]?.target.url;
  } else {
    operations = harOperations(parsed.value);
    baseUrl ??= operations[0]?.target.url;
  }
  const problems: Problem[] = operations.length === 0 ? [{ code: 'api-empty', message: `${api.source} describes no request`, level: 'warn' }] : [];
  return ok({ baseUrl, operations, targets: operations.map((o) => o.target), problems });
}
