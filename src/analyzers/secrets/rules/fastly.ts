import { defineSecretRule, type SecretRule } from '../rule.js';

const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

export const fastlyRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'fastly-api-token',
    title: 'Fastly API token',
    description:
      'A Fastly API token changes service configuration, purges caches and reads logs and stats within its scope. Delete it under Account > API tokens and keep it in a secret store.',
    keywords: ['fastly'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?:fastly[\w.-]{0,20}(?:api[_.-]?)?(?:token|key|secret)[\w.-]{0,10}|fastly-key)` +
        SEP +
        String.raw`(?<secret>[A-Za-z0-9_-]{32})(?![\w-])`,
      'i',
    ),
    maxLength: 90,
    minEntropy: 3.5,
    accept: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret),
    references: ['https://docs.fastly.com/en/guides/using-api-tokens'],
  }),
];
