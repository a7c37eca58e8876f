import { defineSecretRule, type SecretRule } from '../rule.js';

export const asanaRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'asana-personal-access-token',
    title: 'Asana personal access token',
    description:
      'An Asana personal access token acts as its owner in every workspace they belong to; deauthorize it in the Asana developer console and keep the replacement in a secret store.',
    // The token has no literal prefix: it runs only near the word "asana".
    keywords: ['asana'],
    pattern: /(?<![\w/])(?<secret>[12]\/\d{13,19}(?:\/\d{13,19})?:[0-9a-f]{32})(?![\w/])/,
    maxLength: 160,
    minEntropy: 3,
    references: ['https://developers.asana.com/docs/personal-access-token'],
  }),
];
