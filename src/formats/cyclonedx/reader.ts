import type { Package, PackageRef } from '../../core/inventory.js';
import { purlOf } from '../../lockfiles/purl.js';
import { Checker, at, clip, isObject, item, optArray, reqString, type JsonObject } from '../read/check.js';
import { purlFacts, shortestPaths } from '../read/cyclonedx-graph.js';
import type { IngestedReport, IngestedScanner } from '../read/types.js';

export interface CyclonedxReadContext {
  readonly checker: Checker;
  readonly maxPackages: number;
  readonly file?: string;
}

const SUPPORTED = new Set(['1.4', '1.5', '1.6']);
const INPUT_FILE = 'gitlab:dependency_scanning:input_file:path';
const CATEGORY = 'gitlab:dependency_scanning:category';

export function isCyclonedxBom(document: JsonObject): boolean {
  return document['bomFormat'] === 'CycloneDX';
}

function properties(component: JsonObject): { name: string; value: string }[] {
  const raw = component['properties'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((p) => (isObject(p) && typeof p['name'] === 'string' && typeof p['value'] === 'string' ? [{ name: p['name'], value: p['value'] }] : []));
}

function licenses(component: JsonObject): string[] {
  const raw = component['licenses'];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    if (!isObject(entry)) return [];
    if (typeof entry['expression'] === 'string') return [entry['expression']];
    const license = isObject(entry['license']) ? entry['license'] : undefined;
    if (typeof license?.['id'] === 'string') return [license['id']];
    if (typeof license?.['name'] === 'string') return [license['name']];
    return [];
  });
}

/** Components, nested ones included, breadth-first; stops (with a problem) past the limit. */
function allComponents(c: Checker, document: JsonObject, max: number): { value: JsonObject; path: string }[] {
  const out: { value: JsonObject; path: string }[] = [];
  const queue: { list: unknown[]; path: string }[] = [];
  const top = optArray(c, document, 'components', '');
  if (top) queue.push({ list: top, path: 'components' });
  for (let head = 0; head < queue.length; head++) {
    const { list, path } = queue[head] as { list: unknown[]; path: string };
    for (let i = 0; i < list.length; i++) {
      const value: unknown = list[i];
      const p = item(path, i);
      if (!isObject(value)) {
        c.fail(p, 'must be an object');
        continue;
      }
      if (out.length >= max) {
        c.fail('components', `more than ${max} components, the limit`, 'report-limit');
        return out;
      }
      out.push({ value, path: p });
      if (Array.isArray(value['components'])) queue.push({ list: value['components'], path: at(p, 'components') });
    }
  }
  return out;
}

function toolOf(metadata: JsonObject | undefined): IngestedScanner {
  const tools = metadata?.['tools'];
  // 1.4: an array of tools; 1.5+: { components: [...], services: [...] }.
  const list: unknown[] = Array.isArray(tools) ? tools : isObject(tools) && Array.isArray(tools['components']) ? tools['components'] : [];
  const first = list.find((t): t is JsonObject => isObject(t) && typeof t['name'] === 'string');
  if (!first) return { id: 'cyclonedx', name: 'CycloneDX SBOM' };
  const name = first['name'] as string;
  const vendor = typeof first['vendor'] === 'string' ? first['vendor'] : typeof first['group'] === 'string' ? first['group'] : undefined;
  return {
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cyclonedx',
    name,
    ...(typeof first['version'] === 'string' ? { version: first['version'] } : {}),
    ...(vendor === undefined ? {} : { vendor }),
  };
}

/** The dependency graph: bom-ref → the bom-refs it depends on. */
function graphOf(document: JsonObject): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  const raw = document['dependencies'];
  if (!Array.isArray(raw)) return edges;
  for (const entry of raw) {
    if (!isObject(entry) || typeof entry['ref'] !== 'string') continue;
    const on = Array.isArray(entry['dependsOn']) ? entry['dependsOn'].filter((d): d is string => typeof d === 'string') : [];
    edges.set(entry['ref'], [...(edges.get(entry['ref']) ?? []), ...on]);
  }
  return edges;
}

/** A CycloneDX 1.4 – 1.6 JSON SBOM → packages with purls, licenses, declaring files and the dependency graph. */
export function readCyclonedxDocument(document: JsonObject, ctx: CyclonedxReadContext): IngestedReport | undefined {
  const c = ctx.checker;
  if (document['bomFormat'] !== 'CycloneDX') {
    c.fail('bomFormat', 'must be "CycloneDX"');
    return undefined;
  }
  const spec = reqString(c, document, 'specVersion', '');
  if (spec === undefined) return undefined;
  if (!SUPPORTED.has(spec)) {
    c.fail('specVersion', `CycloneDX ${clip(spec, 20)} is not supported: this server reads 1.4, 1.5 and 1.6`, 'unsupported-version');
    return undefined;
  }
  const metadata = isObject(document['metadata']) ? document['metadata'] : undefined;
  const components = allComponents(c, document, ctx.maxPackages);
  if (c.failed) return undefined;

  const edges = graphOf(document);
  const root = metadata && isObject(metadata['component']) ? metadata['component'] : undefined;
  const rootRef = typeof root?.['bom-ref'] === 'string' ? root['bom-ref'] : undefined;
  const directRefs = new Set(rootRef === undefined ? [] : (edges.get(rootRef) ?? []));

  const purlByRef = new Map<string, string>();
  const refInfo = new Map<string, PackageRef>();
  const drafts: { ref?: string; pkg: Omit<Package, 'dependsOn'> }[] = [];
  for (const { value, path } of components) {
    const name = reqString(c, value, 'name', path);
    if (name === undefined) continue;
    const version = typeof value['version'] === 'string' ? value['version'] : '';
    const facts = typeof value['purl'] === 'string' ? purlFacts(value['purl']) : undefined;
    const group = typeof value['group'] === 'string' && value['group'] !== '' ? value['group'] : undefined;
    const ecosystem = facts?.ecosystem ?? 'generic';
    const fullName = facts?.name ?? (group === undefined ? name : `${group}/${name}`);
    const purl = typeof value['purl'] === 'string' ? value['purl'] : purlOf(ecosystem, fullName, version);
    const props = properties(value);
    const files = props.filter((p) => p.name === INPUT_FILE).map((p) => ({ file: p.value }));
    const ref = typeof value['bom-ref'] === 'string' ? value['bom-ref'] : undefined;
    const declared = licenses(value);
    const isDev = props.some((p) => p.name === CATEGORY && p.value === 'development');
    const direct = ref !== undefined && rootRef !== undefined ? directRefs.has(ref) : undefined;
    if (ref !== undefined) {
      purlByRef.set(ref, purl);
      refInfo.set(ref, { name: fullName, version });
    }
    drafts.push({
      ...(ref === undefined ? {} : { ref }),
      pkg: {
        ecosystem,
        name: fullName,
        version,
        purl,
        locations: files,
        ...(declared.length > 0 ? { licenses: declared } : {}),
        ...(isDev ? { dev: true } : {}),
        ...(direct === undefined ? {} : { direct }),
      },
    });
  }
  if (c.failed) return undefined;

  const paths = rootRef === undefined ? new Map<string, PackageRef[]>() : shortestPaths([...directRefs], edges, (ref) => refInfo.get(ref));
  const packages: Package[] = drafts.map(({ ref, pkg }) => {
    const dependsOn = ref === undefined ? [] : (edges.get(ref) ?? []).flatMap((d) => (purlByRef.has(d) ? [purlByRef.get(d) as string] : []));
    const path = ref === undefined ? undefined : paths.get(ref);
    return { ...pkg, dependsOn, ...(path !== undefined && path.length > 0 ? { path, via: path[0] as PackageRef } : {}) };
  });

  const timestamp = typeof metadata?.['timestamp'] === 'string' ? metadata['timestamp'] : undefined;
  return {
    reportType: root?.['type'] === 'container' ? 'container_scanning' : 'dependency_scanning',
    format: 'cyclonedx',
    schemaVersion: spec,
    scanner: toolOf(metadata),
    findings: [],
    packages,
    messages: [],
    ...(timestamp === undefined ? {} : { finishedAt: timestamp }),
  };
}
