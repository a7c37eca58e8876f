import { describe, expect, it } from 'vitest';
import { terraformFramework } from './framework.js';
import { parseHcl } from './hcl.js';

const violations = (text: string): [string, number][] => {
  const parsed = terraformFramework.parse(text, 'main.tf');
  return parsed.targets.flatMap((target) => terraformFramework.rules.flatMap((rule) => rule.check(target).map((v): [string, number] => [rule.id, v.line])));
};

describe('terraform framework', () => {
  it.each([
    ['main.tf', true],
    ['infra/modules/net/sg.tf', true],
    ['main.tf.json', false],
    ['.terraform/modules/vpc/main.tf', false],
    ['infra/.terraform/providers/x.tf', false],
    ['terraform.tfvars', false],
  ])('claims %s: %s', (path, claimed) => {
    expect(terraformFramework.claims(path)).toBe(claimed);
  });

  it('names each resource and data block, with its header line', () => {
    const text = ['# logs', 'resource "aws_s3_bucket" "logs" {', '  bucket = "logs"', '}', '', 'data "aws_iam_policy_document" "trust" {}', 'provider "aws" {', '  region = "eu-west-1"', '}'].join('\n');
    const parsed = terraformFramework.parse(text, 'main.tf');
    expect(parsed.problems).toEqual([]);
    expect(parsed.targets.map((t) => [t.resource, t.line])).toEqual([
      ['aws_s3_bucket.logs', 2],
      ['data.aws_iam_policy_document.trust', 6],
    ]);
    expect(parsed.targets[0]?.body.attributes[0]).toEqual({ name: 'bucket', line: 3, value: { kind: 'string', value: 'logs', line: 3 } });
  });

  it('resolves variables with literal defaults and literal locals, reporting at the use site', () => {
    const text = [
      'variable "public" {', // 1
      '  type    = bool',
      '  default = true',
      '}',
      'locals {', // 5
      '  retention = 0',
      '  alias     = local.retention',
      '}',
      'resource "aws_db_instance" "db" {', // 9
      '  storage_encrypted       = true',
      '  publicly_accessible     = var.public',
      '  backup_retention_period = local.alias',
      '}',
    ].join('\n');
    expect(violations(text)).toEqual([
      ['tf-rds-publicly-accessible', 11],
      ['tf-rds-backups-disabled', 12],
    ]);
  });

  it('never fires on values it cannot know', () => {
    const text = [
      'variable "public" {}',
      'resource "aws_db_instance" "db" {',
      '  storage_encrypted       = var.encrypted',
      '  publicly_accessible     = var.public',
      '  backup_retention_period = var.env == "prod" ? 7 : 0',
      '}',
      'resource "aws_s3_bucket" "b" {',
      '  acl = "${var.prefix}-read"',
      '}',
      'resource "aws_security_group" "sg" {',
      '  ingress {',
      '    from_port   = 22',
      '    to_port     = 22',
      '    protocol    = "tcp"',
      '    cidr_blocks = [for cidr in var.cidrs : cidr]',
      '  }',
      '}',
    ].join('\n');
    expect(violations(text)).toEqual([]);
  });

  it('reads heredocs, including indented ones, and checks the JSON policy inside', () => {
    const text = [
      'resource "aws_iam_policy" "p" {',
      '  description = <<-EOT',
      '    first line',
      '      second line',
      '    EOT',
      '  policy = <<POLICY',
      '{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}',
      'POLICY',
      '}',
    ].join('\n');
    const parsed = terraformFramework.parse(text, 'main.tf');
    expect(parsed.problems).toEqual([]);
    expect(parsed.targets[0]?.body.attributes[0]?.value).toEqual({ kind: 'string', value: 'first line\n  second line\n', line: 2 });
    expect(violations(text)).toEqual([['tf-iam-wildcard-action', 6]]);
  });

  it('skips all three comment styles and keeps line numbers across block comments', () => {
    const text = ['/* a', '   b */', 'resource "aws_instance" "web" { // web', '  # nothing', '  associate_public_ip_address = true', '  metadata_options { http_tokens = "required" }', '}'].join('\n');
    expect(violations(text)).toEqual([['tf-instance-public-ip', 5]]);
  });

  it('keeps blocks read before a syntax error, and reports the error as a problem', () => {
    const text = ['resource "aws_instance" "web" {', '  associate_public_ip_address = true', '  metadata_options { http_tokens = "required" }', '}', 'resource "aws_kms_key" "k" {', '  description = "oops', '}'].join('\n');
    const parsed = terraformFramework.parse(text, 'main.tf');
    expect(parsed.targets.map((t) => t.resource)).toEqual(['aws_instance.web']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ code: 'iac-unreadable', file: 'main.tf', line: 6 });
  });

  it.each([
    ['unclosed block', 'resource "a" "b" {\n  x = 1\n'],
    ['missing value', 'resource "a" "b" {\n  x =\n}\n'],
    ['stray bracket', 'resource "a" "b" {\n  x = [1, 2))\n}\n'],
    ['unclosed comment', '/* never closed\nresource "a" "b" {}\n'],
    ['unclosed heredoc', 'resource "a" "b" {\n  x = <<EOT\nbody\n}\n'],
    ['bad character', 'resource "a" "b" {\n  x = @\n}\n'],
    ['deep nesting', `resource "a" "b" {\n  x = ${'['.repeat(5000)}${']'.repeat(5000)}\n}\n`],
    ['deep interpolation', `resource "a" "b" {\n  x = "${'${"'.repeat(3000)}"\n}\n`],
  ])('turns malformed HCL (%s) into a problem, not an exception', (_name, text) => {
    const parsed = terraformFramework.parse(text, 'bad.tf');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]?.code).toBe('iac-unreadable');
  });

  it('refuses a file over 20 MB with a problem', () => {
    const text = `# ${'x'.repeat(20 * 1024 * 1024)}\n`;
    const parsed = terraformFramework.parse(text, 'huge.tf');
    expect(parsed.targets).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'iac-file-too-large', file: 'huge.tf' })]);
  });

  it('reads expressions it does not evaluate as unknown text, and calls with their arguments', () => {
    const file = parseHcl('locals {\n  a = upper("x")\n  b = var.n + 1\n  c = { (var.k) = 1, "d" : [1, -2.5, null] }\n}\n');
    expect(file.error).toBeUndefined();
    const values = file.blocks[0]?.body.attributes.map((attr) => attr.value);
    expect(values?.[0]).toEqual({ kind: 'call', name: 'upper', args: [{ kind: 'string', value: 'x', line: 2 }], line: 2 });
    expect(values?.[1]).toEqual({ kind: 'unknown', text: 'var.n + 1', line: 3 });
    expect(values?.[2]).toMatchObject({ kind: 'object', entries: [{ key: undefined }, { key: 'd', value: { kind: 'list', items: [{ value: 1 }, { value: -2.5 }, { kind: 'null' }] } }] });
  });
});
