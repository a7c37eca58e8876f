import type { Problem } from '../../../core/result.js';
import { MAX_IAC_FILE_CHARS } from '../located-yaml.js';
import type { IacFramework, ParsedIac } from '../types.js';
import { parseHcl, type HclBlock, type HclBody } from './hcl.js';
import { constantsOf, resolveBody } from './constants.js';
import { TERRAFORM_RULES } from './rules/index.js';

/** One `resource`, `data` or `module` block of a Terraform file: the unit its rules check. */
export interface TfResource {
  readonly kind: 'resource' | 'data' | 'module';
  /** `aws_s3_bucket`. */
  readonly type: string;
  readonly name: string;
  /** `aws_s3_bucket.logs`, `data.aws_iam_policy_document.trust`, or `module.vpc` (type `module`). */
  readonly resource: string;
  /** The block header's line. */
  readonly line: number;
  /** The block's body, with `var.x` and `local.x` constants of the file already substituted. */
  readonly body: HclBody;
}

function claims(path: string): boolean {
  return /\.tf$/i.test(path) && !/(^|\/)\.terraform\//.test(path);
}

function targetOf(block: HclBlock, constants: Parameters<typeof resolveBody>[1]): TfResource[] {
  if (block.type === 'module') {
    const [name] = block.labels;
    return name === undefined ? [] : [{ kind: 'module', type: 'module', name, resource: `module.${name}`, line: block.line, body: resolveBody(block.body, constants) }];
  }
  if (block.type !== 'resource' && block.type !== 'data') return [];
  const [type, name] = block.labels;
  if (type === undefined || name === undefined) return [];
  const kind = block.type;
  const resource = kind === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
  return [{ kind, type, name, resource, line: block.line, body: resolveBody(block.body, constants) }];
}

function parse(text: string, file: string): ParsedIac<TfResource> {
  if (text.length > MAX_IAC_FILE_CHARS) {
    return { targets: [], problems: [{ code: 'iac-file-too-large', level: 'warn', file, message: `${file}: over ${MAX_IAC_FILE_CHARS / 1024 / 1024} MB; not checked` }] };
  }
  const hcl = parseHcl(text);
  const constants = constantsOf(hcl.blocks);
  const targets = hcl.blocks.flatMap((block) => targetOf(block, constants));
  const problems: Problem[] = hcl.error
    ? [{ code: 'iac-unreadable', level: 'warn', file, line: hcl.error.line, message: `${file}:${hcl.error.line}: not valid HCL (${hcl.error.message}); the rest of the file was skipped` }]
    : [];
  return { targets, problems };
}

/** Terraform configurations (`*.tf`): one target per `resource`, `data` and `module` block. */
export const terraformFramework: IacFramework<TfResource> = {
  id: 'terraform',
  claims,
  parse,
  rules: TERRAFORM_RULES,
};
