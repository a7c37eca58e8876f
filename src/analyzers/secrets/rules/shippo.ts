import { defineSecretRule, type SecretRule } from '../rule.js';

export const shippoRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'shippo-api-token',
    title: 'Shippo API token',
    description:
      'A Shippo API token buys shipping labels on the account\'s payment method (live tokens) and reads shipments with customer names and addresses. Regenerate it on the Shippo API settings page and keep it in a secret store.',
    keywords: ['shippo_live_', 'shippo_test_'],
    pattern: /(?<![\w-])(?<secret>shippo_(?:live|test)_[0-9a-f]{40})(?![\w-])/,
    maxLength: 60,
    minEntropy: 3,
    references: ['https://docs.goshippo.com/docs/guides_general/authentication/'],
  }),
];
