import { isLiteralSecret } from '../../secret-names.js';
import type { IacRule, Violation } from '../../types.js';
import type { TfResource } from '../framework.js';
import { at, attribute, blocksOf, firstBlock, isResource, literalBool, literalString } from '../values.js';

const imdsV1: IacRule<TfResource> = {
  id: 'tf-instance-imdsv1',
  title: 'EC2 instance metadata accepts IMDSv1',
  description:
    '`metadata_options.http_tokens` is not `required` (the default is `optional`), so the instance metadata service answers token-less IMDSv1 requests: an SSRF bug in any app on the instance can read the role’s credentials.',
  severity: 'medium',
  cwe: 918,
  remediation: 'Add `metadata_options { http_tokens = "required" }` (or `http_endpoint = "disabled"` when nothing needs metadata).',
  check: (target) => {
    if (!isResource(target, 'aws_instance', 'aws_launch_template')) return [];
    const options = firstBlock(target.body, 'metadata_options');
    if (!options) return at(target, target.line, 'no metadata_options: http_tokens defaults to optional');
    if (literalString(attribute(options.body, 'http_endpoint')?.value) === 'disabled') return [];
    const tokens = attribute(options.body, 'http_tokens');
    if (!tokens) return at(target, options.line, 'http_tokens not set: defaults to optional');
    const value = literalString(tokens.value);
    return value !== undefined && value !== 'required' ? at(target, tokens.line, `http_tokens = "${value}"`) : [];
  },
};

const publicIp: IacRule<TfResource> = {
  id: 'tf-instance-public-ip',
  title: 'EC2 instance gets a public IP address',
  description: '`associate_public_ip_address = true` puts the instance directly on the internet, where only its security group stands between it and every scanner.',
  severity: 'low',
  cwe: 284,
  remediation: 'Run the instance in a private subnet without a public address; reach it through a load balancer, NAT or SSM Session Manager.',
  check: (target) => {
    if (!isResource(target, 'aws_instance')) return [];
    const attr = attribute(target.body, 'associate_public_ip_address');
    return attr && literalBool(attr.value) === true ? at(target, attr.line, 'associate_public_ip_address = true') : [];
  },
};

const lambdaSecret: IacRule<TfResource> = {
  id: 'tf-lambda-secret-in-environment',
  title: 'Lambda function has a hard-coded secret in its environment',
  description:
    'An environment variable named like a secret (`DB_PASSWORD`, `API_KEY`…) is written out literally. It sits in the repository and the Terraform state, and anyone who can read the function configuration can read it.',
  severity: 'high',
  cwe: 798,
  remediation: 'Keep the secret in Secrets Manager or SSM Parameter Store and have the function read it at start-up; pass only its name or ARN in the environment.',
  check: (target) => {
    if (!isResource(target, 'aws_lambda_function')) return [];
    return blocksOf(target.body, 'environment').flatMap((environment): Violation[] => {
      const variables = attribute(environment.body, 'variables')?.value;
      if (variables?.kind !== 'object') return [];
      return variables.entries.flatMap((item) => {
        const value = item.value.kind === 'string' ? item.value.value : undefined;
        return item.key !== undefined && value !== undefined && isLiteralSecret(item.key, value) ? at(target, item.line, `${item.key} is a literal`) : [];
      });
    });
  },
};

export const COMPUTE_RULES: readonly IacRule<TfResource>[] = [imdsV1, publicIp, lambdaSecret];
