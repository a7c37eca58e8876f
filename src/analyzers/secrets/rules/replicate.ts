import { defineSecretRule, type SecretRule } from '../rule.js';

export const replicateRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'replicate-api-token',
    title: 'Replicate API token',
    description:
      'A Replicate API token (r8_) runs models and deployments billed to the account and reads its predictions and private models. Delete it on the account\'s API tokens page and keep the new one in a secret store.',
    keywords: ['r8_'],
    pattern: /(?<![\w-])(?<secret>r8_[A-Za-z0-9]{37})(?![\w-])/,
    maxLength: 45,
    minEntropy: 3.5,
    references: ['https://replicate.com/docs/topics/security/api-tokens'],
  }),
];
