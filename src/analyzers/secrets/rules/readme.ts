import { defineSecretRule, type SecretRule } from '../rule.js';

export const readmeRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'readme-api-key',
    title: 'ReadMe API key',
    description:
      'A ReadMe API key (rdme_) changes a project\'s documentation, API definitions and changelogs, and sends API metrics under the project\'s name. Revoke it in the ReadMe dashboard under API keys and keep it in a secret store.',
    keywords: ['rdme_'],
    pattern: /(?<![\w-])(?<secret>rdme_[a-z0-9]{70})(?![\w-])/,
    maxLength: 80,
    minEntropy: 3,
    references: ['https://docs.readme.com/main/reference/intro-to-the-readme-api'],
  }),
];
