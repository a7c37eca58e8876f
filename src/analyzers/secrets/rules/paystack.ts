import { defineSecretRule, type SecretRule } from '../rule.js';

export const paystackRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'paystack-secret-key',
    title: 'Paystack secret key',
    description:
      'A Paystack secret key (sk_live_ or sk_test_ followed by 40 hex digits) has full API access to the integration: charges, transfers, refunds and customer data. Generate new keys under Settings > API Keys & Webhooks and keep the secret key on the server, in a secret store.',
    keywords: ['sk_live_', 'sk_test_'],
    // Stripe keys share the prefix but are mixed-case base62; exactly 40 lower-case hex digits is Paystack.
    pattern: /(?<![A-Za-z0-9_])(?<secret>sk_(?:live|test)_[0-9a-f]{40})(?![A-Za-z0-9_])/,
    maxLength: 56,
    minEntropy: 3,
    references: ['https://paystack.com/docs/api/authentication/'],
  }),
];
