import { scriptLines } from '../scalar-lines.js';
import type { Located } from '../located-yaml.js';
import type { Job, Pipeline } from './framework.js';

export const jobResource = (job: Job): string => `job ${job.name}`;

/** A `variables:` entry: `NAME: value` or `NAME: { value, description }`. */
export interface Variable {
  readonly name: string;
  readonly value: string | undefined;
  /** The line of the name, where the value is written too. */
  readonly line: number;
  readonly resource: string;
}

function variablesIn(node: Located | undefined, resource: string): Variable[] {
  return (node?.entries() ?? []).map(([name, entry]) => {
    const value = entry.isMap() ? entry.get('value')?.str() : entry.str();
    return { name, line: entry.line, resource, value };
  });
}

/** The pipeline's global variables, then every job's own. */
export function allVariables(pipeline: Pipeline): Variable[] {
  return [
    ...variablesIn(pipeline.root.get('variables'), 'pipeline variables'),
    ...pipeline.jobs.flatMap((job) => variablesIn(job.node.get('variables'), jobResource(job))),
  ];
}

/** A job's variable, else the global one of that name (job variables override global ones). */
export function effectiveVariable(pipeline: Pipeline, job: Job, name: string): Variable | undefined {
  const own = variablesIn(job.node.get('variables'), jobResource(job)).find((variable) => variable.name === name);
  return own ?? variablesIn(pipeline.root.get('variables'), 'pipeline variables').find((variable) => variable.name === name);
}

const SCRIPT_KEYS = ['before_script', 'script', 'after_script'] as const;

/** Every script line of the pipeline (jobs, `default:` and legacy top-level scripts) with its file line. */
export function allScriptLines(pipeline: Pipeline): { text: string; line: number; resource: string }[] {
  const owners: { node: Located; resource: string }[] = [
    { node: pipeline.root, resource: 'pipeline' },
    ...(pipeline.root.get('default') ? [{ node: pipeline.root.get('default')!, resource: 'default' }] : []),
    ...pipeline.jobs.map((job) => ({ node: job.node, resource: jobResource(job) })),
  ];
  return owners.flatMap(({ node, resource }) =>
    SCRIPT_KEYS.flatMap((key) => {
      const script = node.get(key);
      if (!script) return [];
      const text = script.str();
      if (text !== undefined) return scriptLines(pipeline.source, text, script.line, key).map((line) => ({ ...line, resource }));
      // A list of commands; an entry may itself be a list (`!reference` expands to one).
      const entries = script.items().flatMap((item) => (item.isSeq() ? item.items() : [item]));
      return entries.flatMap((entry) => {
        const command = entry.str();
        return command === undefined ? [] : scriptLines(pipeline.source, command, entry.line).map((line) => ({ ...line, resource }));
      });
    }),
  );
}

/** An image reference (`image: x`, `image: { name: x }`, a service entry), at the line of its name. */
export interface ImageRef {
  readonly name: string;
  readonly line: number;
  readonly resource: string;
}

function imageRef(node: Located | undefined, resource: string): ImageRef[] {
  if (!node) return [];
  const named = node.isMap() ? node.get('name') : node;
  const name = named?.str();
  return named && name !== undefined ? [{ name, line: named.line, resource }] : [];
}

/** The services a node declares. */
export function servicesOf(node: Located | undefined, resource: string): ImageRef[] {
  return (node?.get('services')?.items() ?? []).flatMap((service) => imageRef(service, resource));
}

/** Every image and service image the pipeline names. */
export function allImages(pipeline: Pipeline): ImageRef[] {
  const owners: { node: Located | undefined; resource: string }[] = [
    { node: pipeline.root, resource: 'pipeline' },
    { node: pipeline.root.get('default'), resource: 'default' },
    ...pipeline.jobs.map((job) => ({ node: job.node, resource: jobResource(job) })),
  ];
  return owners.flatMap(({ node, resource }) => [...imageRef(node?.get('image'), resource), ...servicesOf(node, resource)]);
}
