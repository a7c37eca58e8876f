import { defineSecretRule, type SecretRule } from '../rule.js';

export const figmaRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'figma-personal-access-token',
    title: 'Figma personal access token',
    description:
      'A Figma personal access token (figd_) reads, and with write scopes changes, every file, comment and project its user can reach through the REST API. Revoke it in Settings > Security and keep the new token in a secret store.',
    keywords: ['figd_'],
    pattern: /(?<![\w-])(?<secret>figd_[A-Za-z0-9_-]{38,44})(?![\w-])/,
    maxLength: 55,
    minEntropy: 3.5,
    references: ['https://developers.figma.com/docs/rest-api/personal-access-tokens/'],
  }),
];
