import { defineSecretRule, type SecretRule } from '../rule.js';

export const xaiRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'xai-api-key',
    title: 'xAI API key',
    description:
      'An xAI API key (xai-) calls the Grok models through api.x.ai and bills the team it belongs to. Delete it on the API keys page of the xAI console, create a replacement and load that from a secret store or the deployment environment.',
    keywords: ['xai-'],
    pattern: /(?<![\w-])(?<secret>xai-[A-Za-z0-9]{70,90})(?![\w-])/,
    maxLength: 100,
    minEntropy: 3.5,
    references: ['https://docs.x.ai/docs/api-reference'],
  }),
];
