import { describe, expect, it } from 'vitest';
import { cloudformationFramework } from './framework.js';

const violations = (text: string, file = 'template.yaml'): [string, number][] => {
  const parsed = cloudformationFramework.parse(text, file);
  return parsed.targets.flatMap((target) => cloudformationFramework.rules.flatMap((rule) => rule.check(target).map((v): [string, number] => [rule.id, v.line])));
};

describe('cloudformation framework', () => {
  it.each([
    ['template.yaml', true],
    ['infra/stack.yml', true],
    ['infra/stack.json', true],
    ['infra/stack.template', true],
    ['.github/workflows/ci.yml', false],
    ['.gitlab-ci.yml', false],
    ['docker-compose.yml', false],
    ['compose.yaml', false],
    ['node_modules/pkg/template.yaml', false],
    ['README.md', false],
  ])('claims %s: %s', (path, claimed) => {
    expect(cloudformationFramework.claims(path)).toBe(claimed);
  });

  it('reads short-form intrinsic tags as their long form, keeping lines', () => {
    const text = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: !Sub "${AWS::StackName}-logs"',
      '      Tags: !If [IsProd, [{Key: a, Value: !Ref Env}], !Ref AWS::NoValue]',
      '      Owner: !GetAtt [Role, Arn]',
      '      Other: !Select [0, !Split [",", !ImportValue shared-list]]',
      '      Flag: !And [!Equals [a, b], !Not [!Condition IsProd], !Or [!Condition A, !Condition B]]',
      '      Map: !FindInMap [M, !Ref "AWS::Region", Key]',
      '      Code: !Base64 {"Fn::Join": ["", [a, !Join ["", [b]]]]}',
      '      Net: !Cidr [!GetAZs "", 6, 5]',
    ].join('\n');
    const parsed = cloudformationFramework.parse(text, 'template.yaml');
    expect(parsed.problems).toEqual([]);
    const [bucket] = parsed.targets;
    expect(bucket?.resource).toBe('AWS::S3::Bucket "Logs"');
    expect(bucket?.node.line).toBe(3);
    expect(bucket?.properties?.get('BucketName')?.toJS()).toEqual({ 'Fn::Sub': '${AWS::StackName}-logs' });
    expect(bucket?.properties?.at('BucketName', 'Fn::Sub')?.line).toBe(6);
    expect(bucket?.properties?.get('Tags')?.toJS()).toEqual({ 'Fn::If': ['IsProd', [{ Key: 'a', Value: { Ref: 'Env' } }], { Ref: 'AWS::NoValue' }] });
    expect(bucket?.properties?.get('Owner')?.toJS()).toEqual({ 'Fn::GetAtt': ['Role', 'Arn'] });
    expect(bucket?.properties?.get('Other')?.toJS()).toEqual({ 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::ImportValue': 'shared-list' }] }] });
    expect(bucket?.properties?.get('Flag')?.toJS()).toEqual({
      'Fn::And': [{ 'Fn::Equals': ['a', 'b'] }, { 'Fn::Not': [{ Condition: 'IsProd' }] }, { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    });
    expect(bucket?.properties?.get('Map')?.toJS()).toEqual({ 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'Key'] });
    expect(bucket?.properties?.get('Code')?.toJS()).toEqual({ 'Fn::Base64': { 'Fn::Join': ['', ['a', { 'Fn::Join': ['', ['b']] }]] } });
    expect(bucket?.properties?.get('Net')?.toJS()).toEqual({ 'Fn::Cidr': [{ 'Fn::GetAZs': '' }, 6, 5] });
  });

  it('checks JSON templates, pointing at the offending lines', () => {
    const text = [
      '{',
      '  "AWSTemplateFormatVersion": "2010-09-09",',
      '  "Resources": {',
      '    "Db": {',
      '      "Type": "AWS::RDS::DBInstance",',
      '      "Properties": { "Engine": "postgres", "StorageEncrypted": true, "PubliclyAccessible": true }',
      '    },',
      '    "Key": {',
      '      "Type": "AWS::KMS::Key",',
      '      "Properties": { "EnableKeyRotation": { "Ref": "Rotate" } }',
      '    }',
      '  }',
      '}',
    ].join('\n');
    expect(violations(text, 'stack.json')).toEqual([['cfn-rds-publicly-accessible', 6]]);
  });

  it('finds templates without a format version by their AWS resource types', () => {
    const text = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n';
    expect(violations(text)).toEqual([['cfn-sns-topic-unencrypted', 3]]);
  });

  it('has no targets and no problems for YAML and JSON that are not templates', () => {
    const kubernetes = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws\ndata:\n  Type: "AWS::S3::Bucket"\n';
    const otherResources = 'Resources:\n  thing:\n    Type: Custom::Thing\n  note: "AWS::S3::Bucket"\n';
    for (const text of [kubernetes, otherResources, '{"name": "pkg", "version": "1.0.0"}', 'just: yaml\n', '[1, 2]', '']) {
      expect(cloudformationFramework.parse(text, 'file.yaml')).toEqual({ targets: [], problems: [] });
    }
  });

  it('reports malformed templates as problems', () => {
    const broken = cloudformationFramework.parse('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: [AWS::S3::Bucket\n', 'template.yaml');
    expect(broken.targets).toEqual([]);
    expect(broken.problems.map((problem) => problem.code)).toEqual(['iac-unreadable']);
    const json = cloudformationFramework.parse('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {', 'stack.json');
    expect(json.problems.map((problem) => problem.code)).toEqual(['iac-unreadable']);
  });

  it('never fires on values computed by intrinsic functions', () => {
    const text = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      AccessControl: !If [IsPublic, PublicReadWrite, Private]',
      '      BucketEncryption: !Ref AWS::NoValue',
      '      PublicAccessBlockConfiguration: !If [IsPublic, !Ref AWS::NoValue, {BlockPublicAcls: true}]',
      '      VersioningConfiguration: {Status: !If [IsProd, Enabled, Suspended]}',
      '      LoggingConfiguration: !Ref AWS::NoValue',
      '  Policy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - !If [IsPublic, {Effect: Allow, Principal: "*", Action: "s3:GetObject", Resource: "*"}, !Ref AWS::NoValue]',
      '          - Effect: Allow',
      '            Principal: !If [IsPublic, "*", !Ref AWS::AccountId]',
      '            Action: s3:GetObject',
      '            Resource: !Sub "${Bucket.Arn}/*"',
      '  Group:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      SecurityGroupIngress:',
      '        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !If [Open, 0.0.0.0/0, 10.0.0.0/8]}',
      '        - {IpProtocol: !Ref Proto, CidrIp: 0.0.0.0/0}',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      '        Statement: [{Effect: Allow, Principal: {AWS: !Ref Trusted}, Action: "sts:AssumeRole"}]',
      '      Policies:',
      '        - PolicyName: p',
      '          PolicyDocument:',
      '            Statement: [{Effect: !Ref Effect, Action: "*", Resource: "*"}, {Effect: Allow, Action: !If [A, "*", "s3:GetObject"], Resource: !Ref Arn}]',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      StorageEncrypted: !Ref Encrypt',
      '      PubliclyAccessible: !If [IsDev, true, false]',
      '      BackupRetentionPeriod: !If [IsDev, 0, 7]',
      '  Fn:',
      '    Type: AWS::Lambda::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          DB_PASSWORD: !Join ["", [a, b]]',
      '  Listener:',
      '    Type: AWS::ElasticLoadBalancingV2::Listener',
      '    Properties:',
      '      Protocol: !Ref Protocol',
      '      DefaultActions: [{Type: forward}]',
      ...['AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::KMS::Key', 'AWS::EC2::Volume', 'AWS::DynamoDB::Table', 'AWS::CloudTrail::Trail', 'AWS::EC2::SecurityGroupIngress'].flatMap((type, i) => [
        `  Whole${i}:`,
        `    Type: ${type}`,
        '    Properties: !If [IsProd, {}, !Ref AWS::NoValue]',
      ]),
    ].join('\n');
    const parsed = cloudformationFramework.parse(text, 'template.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.targets).toHaveLength(14);
    expect(violations(text)).toEqual([]);
  });

  it('stops an alias bomb with a notice', () => {
    const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) lines.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    lines.push('Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties: {Tags: *i}');
    const parsed = cloudformationFramework.parse(lines.join('\n'), 'template.yaml');
    expect(parsed.targets).toEqual([]);
    expect(parsed.problems[0]?.code).toBe('iac-unreadable');
  });

  it('never throws on resources of unexpected shapes', () => {
    const text = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  A: {Type: AWS::S3::Bucket, Properties: [1, 2]}',
      '  B: {Type: AWS::S3::Bucket, Properties: {PublicAccessBlockConfiguration: true, VersioningConfiguration: [x], AccessControl: 3}}',
      '  C: {Type: AWS::EC2::SecurityGroup, Properties: {SecurityGroupIngress: [null, 5, {CidrIp: [0.0.0.0/0], FromPort: x}]}}',
      '  D: {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {Statement: [null, {Principal: [1]}]}, Policies: [null, {PolicyDocument: 3}]}}',
      '  E: {Type: AWS::IAM::Policy, Properties: {PolicyDocument: {Statement: {Effect: Allow, Action: {a: b}, Resource: [null]}}}}',
      '  F: {Type: AWS::Lambda::Function, Properties: {Environment: {Variables: [a, b]}}}',
      '  G: {Type: AWS::ElasticLoadBalancingV2::Listener, Properties: {Protocol: HTTP, DefaultActions: [null, {RedirectConfig: 1}]}}',
      '  H: {Type: AWS::ElasticLoadBalancing::LoadBalancer, Properties: {Listeners: {Protocol: HTTP}}}',
      '  I: {Type: AWS::DynamoDB::Table, Properties: {SSESpecification: [true]}}',
      '  J: {Type: AWS::KMS::Key}',
      '  K: not a resource',
      '  L: {Type: [AWS::S3::Bucket]}',
    ].join('\n');
    const parsed = cloudformationFramework.parse(text, 'template.yaml');
    expect(parsed.targets.map((target) => target.logicalId)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    for (const rule of cloudformationFramework.rules) for (const target of parsed.targets) expect(() => rule.check(target)).not.toThrow();
  });
});
