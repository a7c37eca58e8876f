import type { Finding } from '../../../core/finding.js';
import { injectionPoints, requestWith, type InjectionPoint } from '../active/target.js';
import type { ApiOperation } from '../api/operation.js';
import type { Schema } from '../api/values.js';
import { findStackTrace } from '../checks/stack-traces.js';
import { dastFinding } from '../findings.js';
import type { HttpClient } from '../http/client.js';
import { contentType, type Exchange } from '../http/types.js';
import { mutationsFor } from './mutations.js';
import { fuzzSchemaViolation, fuzzServerError, fuzzStackTrace } from './rules.js';
import { schemaViolation } from './validate.js';

export interface FuzzOptions {
  readonly signal?: AbortSignal | undefined;
  /** Mutated requests per operation at most. */
  readonly maxPerOperation?: number;
}

function declared(operation: ApiOperation, status: number): { found: boolean; schema: Schema | undefined } {
  const keys = [String(status), `${String(status)[0] ?? ''}XX`, `${String(status)[0] ?? ''}xx`, 'default'];
  for (const key of keys) if (operation.responses.has(key)) return { found: true, schema: operation.responses.get(key) };
  return { found: false, schema: undefined };
}

/** What is wrong with a response against the operation's description, if anything. */
export function responseProblem(operation: ApiOperation, exchange: Exchange): string | undefined {
  if (operation.responses.size === 0) return undefined;
  const status = exchange.response.status;
  const { found, schema } = declared(operation, status);
  if (!found) return `status ${status} is not declared (declared: ${[...operation.responses.keys()].join(', ')})`;
  if (schema === undefined || !contentType(exchange.response).includes('json') || exchange.response.truncated) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(exchange.response.body) as unknown;
  } catch {
    return `status ${status} declares a JSON body but the body is not JSON`;
  }
  const violation = schemaViolation(schema, body);
  return violation === undefined ? undefined : `status ${status} body breaks its schema: ${violation}`;
}

function schemaOf(operation: ApiOperation, point: InjectionPoint): Schema | undefined {
  const name = point.where === 'json' ? String(point.jsonPath?.[0] ?? point.name) : point.name;
  const byName = operation.parameters.find((p) => p.name === name && (point.where !== 'path' || p.in === 'path'));
  if (byName) return byName.schema;
  if (point.where === 'path') {
    const pathParams = operation.parameters.filter((p) => p.in === 'path');
    const index = operation.target.pathParams.indexOf(point.segment ?? -1);
    return pathParams[index]?.schema;
  }
  return undefined;
}

/** Mutate every parameter of every operation; report 5xx, stack traces and undeclared responses. */
export async function runFuzz(client: HttpClient, operations: readonly ApiOperation[], options: FuzzOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const report = (rule: typeof fuzzServerError, operation: ApiOperation, param: string, summary: string, exchange: Exchange): void => {
    const key = `${rule.id} ${operation.target.method} ${operation.target.url} ${param}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(dastFinding(rule, 'api_fuzzing', { method: operation.target.method, url: operation.target.url, param }, summary, exchange));
  };
  const judge = (operation: ApiOperation, param: string, label: string, exchange: Exchange): void => {
    const status = exchange.response.status;
    if (status >= 500) report(fuzzServerError, operation, param, `${label}: the API answered ${status} ${exchange.response.reason}`, exchange);
    const trace = findStackTrace(exchange.response.body);
    if (trace) report(fuzzStackTrace, operation, param, `${label}: ${trace.name}: ${trace.match}`, exchange);
    if (status < 500) {
      const problem = responseProblem(operation, exchange);
      if (problem !== undefined) report(fuzzSchemaViolation, operation, param, `${label}: ${problem}`, exchange);
    }
  };
  const aborted = (): boolean => options.signal?.aborted === true;
  for (const operation of operations) {
    if (aborted()) break;
    let budget = options.maxPerOperation ?? 300;
    const valid = await client.send(requestWith(operation.target, undefined, ''));
    if (valid.ok) judge(operation, '', 'The valid example request', valid.value);
    for (const point of injectionPoints(operation.target)) {
      for (const mutation of mutationsFor(schemaOf(operation, point), point.original)) {
        if (budget-- <= 0 || aborted()) break;
        const text = mutation.value === null ? '' : typeof mutation.value === 'object' ? JSON.stringify(mutation.value) : String(mutation.value);
        const sent = await client.send(requestWith(operation.target, point, text, mutation.value));
        if (sent.ok) judge(operation, point.name, `"${point.name}" set to ${mutation.label}`, sent.value);
      }
    }
  }
  return findings;
}
