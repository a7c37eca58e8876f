import { defineSecretRule, type SecretRule } from '../rule.js';

export const gocardlessRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'gocardless-access-token',
    title: 'GoCardless access token',
    description:
      'A GoCardless access token (live_ or sandbox_) calls the GoCardless API with read-write or read-only access: mandates, payments, refunds and customer bank details. Revoke it in the dashboard under Developers > Access tokens and keep the replacement in a secret store.',
    keywords: ['gocardless'],
    // The live_/sandbox_ prefix is too common on its own: a GoCardless mention earlier on the line is required.
    pattern: /\bgocardless[^\r\n]{0,80}?(?<![A-Za-z0-9_-])(?<secret>(?:live|sandbox)_[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/i,
    maxLength: 140,
    minEntropy: 3.5,
    accept: (secret) => secret.startsWith('live_') || secret.startsWith('sandbox_'),
    references: ['https://developer.gocardless.com/getting-started/api/making-your-first-request/'],
  }),
];
