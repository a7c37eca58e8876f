import type { Problem } from '../../../core/result.js';
import { parseYamlDocuments, type Located } from '../located-yaml.js';
import type { IacFramework, ParsedIac } from '../types.js';
import { COMPOSE_RULES } from './rules/index.js';

/** One service of a compose file: the unit its rules check. */
export interface ComposeService {
  readonly name: string;
  /** The service's mapping; its line is the service key's line. */
  readonly node: Located;
  /** `service "web"`. */
  readonly resource: string;
}

/** How deep `<<:` merge keys are followed (they can nest, and an alias could loop). */
const MAX_MERGE_DEPTH = 8;

/**
 * A service setting, also found through YAML merge keys (`<<: *defaults`), which compose files use
 * to share settings between services. The line is where the setting is written, even in an anchor.
 */
export function setting(service: ComposeService, key: string): Located | undefined {
  return lookup(service.node, key, 0);
}

function lookup(node: Located, key: string, depth: number): Located | undefined {
  const own = node.get(key);
  if (own !== undefined || depth >= MAX_MERGE_DEPTH) return own;
  const merged = node.get('<<');
  if (!merged) return undefined;
  for (const source of merged.isSeq() ? merged.items() : [merged]) {
    const found = source.isMap() ? lookup(source, key, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

const COMPOSE_FILE = /(^|\/)(docker-compose(\.[^/]+)?\.ya?ml|compose(\.[^/]+)?\.ya?ml)$/;

function claims(path: string): boolean {
  return COMPOSE_FILE.test(path);
}

function servicesOf(root: Located): ComposeService[] {
  const services = root.get('services');
  if (!services?.isMap()) return [];
  return services
    .entries()
    .filter(([, node]) => node.isMap())
    .map(([name, node]) => ({ name, node, resource: `service "${name}"` }));
}

function parse(text: string, file: string): ParsedIac<ComposeService> {
  try {
    const { documents, problems } = parseYamlDocuments(text, file);
    return { targets: documents.flatMap(servicesOf), problems };
  } catch (error) {
    const problem: Problem = { code: 'iac-unreadable', level: 'warn', file, message: `${file}: not a readable compose file (${error instanceof Error ? error.message : String(error)})` };
    return { targets: [], problems: [problem] };
  }
}

/** Docker Compose files: one target per service under `services:`. */
export const composeFramework: IacFramework<ComposeService> = {
  id: 'docker-compose',
  claims,
  parse,
  rules: COMPOSE_RULES,
};
