import { defineSecretRule, type SecretRule } from '../rule.js';

const KEYS_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';
const TEMP_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html';
const MWS_DOCS = 'https://docs.developer.amazonservices.com/en_US/dev_guide/DG_Registering.html';

// `key = value`, `key: value`, `"key": "value"`, `key := value`, `("KEY", "value")`.
const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

/** A real secret access key is 30 random bytes in base64: it has digits or `/`/`+`, and both cases. */
function looksRandomBase64(secret: string): boolean {
  return /[0-9/+]/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret);
}

export const awsRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'aws-access-key-id',
    title: 'AWS access key ID',
    description:
      'An AWS access key ID (long-term AKIA/ABIA/ACCA or temporary ASIA) names an IAM credential; its secret key is usually stored nearby. Deactivate the key in IAM, check CloudTrail for its use, and load credentials from a role or a secret store instead.',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /(?<![A-Za-z0-9/+])(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9/+=])/,
    maxLength: 24,
    minEntropy: 2.8,
    // Key IDs are random base32; a digit-less, vowel-rich body is an upper-case word (ASIAPACIFICSOUTHEAST).
    accept: (secret) => /[2-7]/.test(secret.slice(4)) || (secret.slice(4).match(/[AEIOU]/g)?.length ?? 0) < 6,
    references: [KEYS_DOCS],
  }),
  defineSecretRule({
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    description:
      'An AWS secret access key signs API requests as its IAM user or role and gives everything that identity may do. Deactivate and delete the key pair in IAM, review CloudTrail, and switch to roles or a secret manager.',
    keywords: ['aws', 'amazon', 's3', 'secret_access_key', 'secretaccesskey', 'secret_accesskey', 'secretaccess_key', 'akia', 'asia'],
    pattern: new RegExp(
      '(?:' +
        // A bare secret_access_key must start the name, so a chunk cut inside AWS_SECRET_… cannot match it again.
        String.raw`(?:(?<![A-Za-z0-9])(?:aws|amazon|s3)[\w.-]{0,24}secret[\w.-]{0,20}|(?<![\w.-])secret_?access_?key[\w.-]{0,10})` +
        String.raw`(?:${SEP}|["'\x60]?\s{1,4})` +
        // …or the second argument after a quoted access key ID: Credentials('AKIA…', '…').
        String.raw`|(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z2-7]{16}["'\x60]\s{0,4},\s{0,4}["'\x60]` +
        ')' +
        String.raw`(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
      'i',
    ),
    maxLength: 140,
    minEntropy: 4,
    accept: looksRandomBase64,
    references: [KEYS_DOCS],
  }),
  defineSecretRule({
    id: 'aws-session-token',
    title: 'AWS temporary session token',
    description:
      'An AWS STS session token, together with its temporary key pair, acts as the assumed role until it expires. Revoke the role sessions (IAM "Revoke active sessions"), find where it was issued, and never persist STS output in code or logs.',
    keywords: ['iqojb3jpz2lux2', 'fwogzxivyxdz', 'fqogzxivyxdz'],
    // Raw or URL-encoded (X-Amz-Security-Token=…%2F…). Many tokens hold a run of `/` near the start
    // (…EMr//////////wEa…), which the engine's placeholder filter would reject: the secret starts after it.
    pattern:
      /(?<![A-Za-z0-9/+%])(?:IQoJb3JpZ2luX2[A-Za-z0-9]|F[wQ]oGZXIvYXdz)(?:[A-Za-z0-9+]{0,40}(?:\/|%2[Ff]){5,40})?(?<secret>(?:[A-Za-z0-9/+]|%2[FfBb]|%3[Dd]){80,2000}={0,2})(?![A-Za-z0-9/+=%])/,
    maxLength: 2100,
    minEntropy: 4,
    references: [TEMP_DOCS],
  }),
  defineSecretRule({
    id: 'aws-mws-auth-token',
    title: 'Amazon MWS auth token',
    description:
      'An Amazon Marketplace Web Service auth token lets a developer application act for a seller account. Revoke the authorization in Seller Central and keep the token in a secret store.',
    keywords: ['amzn.mws.'],
    pattern: /(?<![\w.-])(?<secret>amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/,
    maxLength: 45,
    minEntropy: 3,
    references: [MWS_DOCS],
  }),
];
