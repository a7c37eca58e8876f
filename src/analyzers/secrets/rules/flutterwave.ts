import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://developer.flutterwave.com/docs/authentication';

export const flutterwaveRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'flutterwave-secret-key',
    title: 'Flutterwave secret key',
    description:
      'A Flutterwave secret key (FLWSECK- live, FLWSECK_TEST- test) authenticates server-side API calls: charges, transfers, refunds and account data. Regenerate the API keys in the dashboard under Settings > API keys and keep the secret key in a secret store.',
    keywords: ['flwseck-', 'flwseck_test-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWSECK(?:_TEST)?-[0-9a-z]{32}-X)(?![A-Za-z0-9_-])/,
    maxLength: 56,
    minEntropy: 3,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'flutterwave-encryption-key',
    title: 'Flutterwave test encryption key',
    description:
      'A Flutterwave encryption key encrypts card and charge payloads sent to the API; with the secret key it lets a holder build valid direct-charge requests. Regenerate the API keys in the dashboard and keep the encryption key in a secret store.',
    keywords: ['flwseck_test'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWSECK_TEST[0-9a-z]{12})(?![A-Za-z0-9_-])/,
    maxLength: 30,
    minEntropy: 2.5,
    references: [DOCS],
  }),
];
