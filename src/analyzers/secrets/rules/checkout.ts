import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://www.checkout.com/docs/developer-resources/api/manage-api-keys';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const checkoutRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'checkout-sandbox-secret-key',
    title: 'Checkout.com sandbox secret key',
    description:
      'A Checkout.com sandbox secret key (sk_sbox_) calls the sandbox API: no real money moves, but it exposes test data and usually mirrors how the production key is handled. Revoke it in the sandbox Dashboard under Developers > Keys and keep keys in a secret store.',
    keywords: ['sk_sbox_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sk_sbox_[a-z2-7]{26,27})(?![A-Za-z0-9_-])/,
    maxLength: 40,
    minEntropy: 3.3,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'checkout-secret-key',
    title: 'Checkout.com secret key',
    description:
      'A Checkout.com secret key, next to a Checkout.com mention, calls the payments API for the account: payments, captures, refunds, payouts and stored card data. Revoke it in the Dashboard under Developers > Keys and keep the replacement in a secret store.',
    keywords: ['checkout', 'cko'],
    // sk_ alone is shared with other providers: a Checkout.com mention earlier on the line is required.
    pattern: new RegExp(
      `\\b(?:checkout|cko)[^\\r\\n]{0,80}?(?<![A-Za-z0-9_-])(?<secret>sk_(?:[a-z2-7]{27}|(?:test_)?${UUID}))(?![A-Za-z0-9_-])`,
      'i',
    ),
    maxLength: 140,
    minEntropy: 3.3,
    accept: (secret) => new RegExp(`^sk_(?:[a-z2-7]{27}|(?:test_)?${UUID})$`).test(secret),
    references: [DOCS],
  }),
];
