import { defineSecretRule, type SecretRule } from '../rule.js';

export const perplexityRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'perplexity-api-key',
    title: 'Perplexity API key',
    description:
      'A Perplexity API key (pplx-) calls the Sonar API against the account\'s prepaid credits. Revoke it in the API settings of the Perplexity account and keep the new key in a secret store.',
    keywords: ['pplx-'],
    pattern: /(?<![\w-])(?<secret>pplx-[A-Za-z0-9]{48})(?![\w-])/,
    maxLength: 56,
    minEntropy: 3.5,
    references: ['https://docs.perplexity.ai/guides/getting-started'],
  }),
];
