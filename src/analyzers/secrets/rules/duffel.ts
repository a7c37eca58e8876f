import { defineSecretRule, type SecretRule } from '../rule.js';

export const duffelRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'duffel-api-token',
    title: 'Duffel access token',
    description:
      'A Duffel access token books and cancels flights and stays against the account\'s balance (live tokens) and reads orders with passenger details. Delete it under Developers > Access tokens in the Duffel dashboard and keep it in a secret store.',
    keywords: ['duffel_live_', 'duffel_test_'],
    pattern: /(?<![\w-])(?<secret>duffel_(?:live|test)_[A-Za-z0-9_=-]{43})(?![\w=-])/,
    maxLength: 60,
    minEntropy: 3.5,
    references: ['https://duffel.com/docs/api/overview/making-requests/authentication'],
  }),
];
