import type { Problem } from '../../../core/result.js';
import type { Located } from '../located-yaml.js';
import type { IacFramework, ParsedIac } from '../types.js';
import { parseTemplateDocuments } from './cfn-yaml.js';
import { CLOUDFORMATION_RULES } from './rules/index.js';

/** One resource of a CloudFormation template: the unit its rules check. */
export interface CfnResource {
  readonly logicalId: string;
  /** `AWS::S3::Bucket`. */
  readonly type: string;
  /** The resource's mapping; its line is the logical id's line. */
  readonly node: Located;
  readonly properties?: Located;
  /** `AWS::S3::Bucket "Logs"`. */
  readonly resource: string;
}

const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
const COMPOSE_FILE = /(^|\/)(docker-)?compose(\.[^/]+)?\.ya?ml$/i;

function claims(path: string): boolean {
  if (!TEMPLATE_FILE.test(path)) return false;
  if (/(^|\/)node_modules\//.test(path) || /(^|\/)\.github\/workflows\//.test(path)) return false;
  return !/(^|\/)\.gitlab-ci\.ya?ml$/.test(path) && !COMPOSE_FILE.test(path);
}

function isAwsResource(node: Located): boolean {
  return node.get('Type')?.str()?.startsWith('AWS::') === true;
}

/** A template says what it is: a format version, or resources of `AWS::` types. */
function isTemplate(root: Located): boolean {
  if (!root.isMap()) return false;
  if (root.has('AWSTemplateFormatVersion')) return true;
  const resources = root.get('Resources');
  return resources?.isMap() === true && resources.entries().some(([, node]) => isAwsResource(node));
}

function resourcesOf(root: Located): CfnResource[] {
  if (!isTemplate(root)) return [];
  return (root.get('Resources')?.entries() ?? []).flatMap(([logicalId, node]): CfnResource[] => {
    const type = node.get('Type')?.str();
    if (type === undefined || !node.isMap()) return [];
    const properties = node.get('Properties');
    return [{ logicalId, type, node, ...(properties?.isMap() ? { properties } : {}), resource: `${type} "${logicalId}"` }];
  });
}

function parse(text: string, file: string): ParsedIac<CfnResource> {
  // Most claimed files are not templates (package.json, app config): skip them before parsing.
  if (!text.includes('AWSTemplateFormatVersion') && !text.includes('AWS::')) return { targets: [], problems: [] };
  try {
    const { documents, problems } = parseTemplateDocuments(text, file);
    return { targets: documents.flatMap(resourcesOf), problems };
  } catch (error) {
    const problem: Problem = { code: 'iac-unreadable', level: 'warn', file, message: `${file}: not a readable CloudFormation template (${error instanceof Error ? error.message : String(error)})` };
    return { targets: [], problems: [problem] };
  }
}

/** AWS CloudFormation templates (YAML or JSON): one target per resource under `Resources:`. */
export const cloudformationFramework: IacFramework<CfnResource> = {
  id: 'cloudformation',
  claims,
  parse,
  rules: CLOUDFORMATION_RULES,
};
