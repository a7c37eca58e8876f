import { defineSecretRule, type SecretRule } from '../rule.js';

export const cerebrasRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'cerebras-api-key',
    title: 'Cerebras Inference API key',
    description:
      'A Cerebras API key (csk-) runs inference on Cerebras Cloud under the project it was made in, using that project\'s rate limits and billing. Keys do not expire: delete it on the API Keys page of the Cerebras Cloud console, issue a new one and keep it in a secret store.',
    keywords: ['csk-'],
    pattern: /(?<![\w-])(?<secret>csk-[a-z0-9]{48})(?![\w-])/,
    maxLength: 60,
    minEntropy: 3.5,
    references: ['https://inference-docs.cerebras.ai/api-reference/authentication'],
  }),
];
