import { defineSecretRule, type SecretRule } from '../rule.js';

export const langfuseRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'langfuse-secret-key',
    title: 'Langfuse secret key',
    description:
      'A Langfuse secret key (sk-lf-) is the password half of a project\'s API key pair: with the public key (pk-lf-) it reads and writes every trace, prompt, dataset and score of the project through the public API. Delete the key pair under Project Settings → API Keys and keep the new secret key in a secret store. The public key alone is not a secret.',
    keywords: ['sk-lf-'],
    pattern: /(?<![\w-])(?<secret>sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/,
    maxLength: 50,
    minEntropy: 3,
    references: ['https://langfuse.com/faq/all/where-are-langfuse-api-keys', 'https://langfuse.com/docs/api'],
  }),
];
