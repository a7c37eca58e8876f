import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://www.scaleway.com/en/docs/iam/how-to/create-api-keys/';
const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

export const scalewayRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'scaleway-access-key',
    title: 'Scaleway API access key',
    description:
      'A Scaleway access key (SCW…) identifies an IAM API key whose secret key usually sits next to it. Delete the API key in the IAM console and load credentials from a secret store.',
    keywords: ['scw'],
    pattern: /(?<![A-Za-z0-9])(?<secret>SCW[A-Z0-9]{17})(?![A-Za-z0-9])/,
    maxLength: 24,
    minEntropy: 2.8,
    accept: (secret) => /[0-9]/.test(secret),
    confidence: 'medium',
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'scaleway-secret-key',
    title: 'Scaleway API secret key',
    description:
      'A Scaleway API secret key authenticates API and CLI calls with the policies of its IAM application or user. Delete the API key in the IAM console, create a new one, and keep it in a secret manager.',
    keywords: ['scaleway', 'scw'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?:scaleway|scw)[\w.-]{0,20}secret[\w.-]{0,10}` +
        SEP +
        String.raw`(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3,
    references: [DOCS],
  }),
];
