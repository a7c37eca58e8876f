import { isRecord } from '../structured-text.js';
import { LockfileError } from '../types.js';
import { elementText, findElementLines, parseXmlDocument } from './xml-text.js';

/** A `<dependency>` as written, before property substitution. */
export interface DeclaredDependency {
  readonly groupId?: string;
  readonly artifactId?: string;
  readonly version?: string;
  readonly scope?: string;
  readonly type?: string;
}

export interface PomCoordinates {
  readonly groupId?: string;
  readonly artifactId?: string;
  readonly version?: string;
}

/** What Bulwark needs from one pom.xml, values still raw (`${…}` unresolved). */
export interface PomModel {
  readonly coordinates: PomCoordinates;
  readonly parent?: PomCoordinates & { readonly relativePath?: string };
  readonly properties: ReadonlyMap<string, string>;
  readonly managed: readonly DeclaredDependency[];
  readonly dependencies: readonly DeclaredDependency[];
  /** Line of each entry of `dependencies` (its `<artifactId>`), same order. */
  readonly dependencyLines: readonly number[];
}

/** Property values longer than this are ignored: no real POM needs one, and it bounds substitution. */
const MAX_PROPERTY_LENGTH = 1024;

export function readPomModel(text: string, fileName: string): PomModel {
  const { root, blankedText } = parseXmlDocument(text, fileName);
  const project = root['project'];
  if (!isRecord(project)) throw new LockfileError(`${fileName} is not a Maven POM: it has no <project> element`);
  const parent = isRecord(project['parent']) ? readCoordinates(project['parent']) : undefined;
  const relativePath = isRecord(project['parent']) ? elementText(project['parent']['relativePath']) : undefined;
  const management = isRecord(project['dependencyManagement']) ? project['dependencyManagement'] : {};
  return {
    coordinates: readCoordinates(project),
    ...(parent === undefined ? {} : { parent: { ...parent, ...(relativePath === undefined ? {} : { relativePath }) } }),
    properties: readProperties(project['properties']),
    managed: readDependencyList(management['dependencies']),
    dependencies: readDependencyList(project['dependencies']),
    dependencyLines: findElementLines(blankedText, ['project', 'dependencies', 'dependency'], 'artifactId'),
  };
}

function readCoordinates(element: Record<string, unknown>): PomCoordinates {
  return pickText(element, ['groupId', 'artifactId', 'version']);
}

function readDependencyList(container: unknown): DeclaredDependency[] {
  if (!isRecord(container) || !Array.isArray(container['dependency'])) return [];
  return container['dependency'].filter(isRecord).map((element) => pickText(element, ['groupId', 'artifactId', 'version', 'scope', 'type']));
}

function readProperties(element: unknown): Map<string, string> {
  const properties = new Map<string, string>();
  if (!isRecord(element)) return properties;
  for (const [name, value] of Object.entries(element)) {
    const text = elementText(value);
    if (text !== undefined && text.length <= MAX_PROPERTY_LENGTH) properties.set(name, text);
  }
  return properties;
}

function pickText<K extends string>(element: Record<string, unknown>, keys: readonly K[]): { readonly [P in K]?: string } {
  const picked: { [P in K]?: string } = {};
  for (const key of keys) {
    const text = elementText(element[key])?.trim();
    if (text !== undefined && text !== '') picked[key] = text;
  }
  return picked;
}
