import { defineSecretRule, type SecretRule } from '../rule.js';

export const openrouterRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'openrouter-api-key',
    title: 'OpenRouter API key',
    description:
      'An OpenRouter API key (sk-or-v1-) spends the account\'s credits on any model OpenRouter routes to, up to the key\'s credit limit. Delete it on the OpenRouter keys page, create a new key with a credit limit and keep it in a secret store.',
    keywords: ['sk-or-v1-'],
    pattern: /(?<![\w-])(?<secret>sk-or-v1-[0-9a-f]{64})(?![\w-])/,
    maxLength: 80,
    minEntropy: 3,
    references: ['https://openrouter.ai/docs/api-keys'],
  }),
];
