import { defineSecretRule, type SecretRule } from '../rule.js';

export const postmanRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'postman-api-key',
    title: 'Postman API key',
    description:
      'A Postman API key (PMAK-) reads and changes the user\'s workspaces, collections and environments through the Postman API; environments often hold further credentials. Revoke it in Postman under Settings > API keys and keep the new key in a secret store.',
    keywords: ['pmak-'],
    pattern: /(?<![\w-])(?<secret>PMAK-[0-9a-f]{24}-[0-9a-f]{34})(?![\w-])/,
    maxLength: 70,
    minEntropy: 3,
    references: ['https://learning.postman.com/docs/developer/postman-api/authentication/'],
  }),
];
