import { defineSecretRule, type SecretRule } from '../rule.js';

export const frameioRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'frameio-developer-token',
    title: 'Frame.io developer token',
    description:
      'A Frame.io developer token (fio-u-) calls the Frame.io API as its user: it downloads and uploads media and reads comments in every project they belong to. Delete it in the Frame.io developer site and keep it in a secret store.',
    keywords: ['fio-u-'],
    pattern: /(?<![\w-])(?<secret>fio-u-[A-Za-z0-9_=-]{64})(?![\w=-])/,
    maxLength: 75,
    minEntropy: 3.5,
    references: ['https://developer.frame.io/docs/getting-started/authentication'],
  }),
];
