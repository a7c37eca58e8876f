import { defineSecretRule, type SecretRule } from '../rule.js';

const KEY_DOCS = 'https://docs.stripe.com/keys';

/**
 * Stripe keys are mixed-case base62 after the prefix. A body made only of lower-case hex digits is a
 * Paystack key (40 digits, see paystack.ts) or a truncated one, never a random base62 key.
 */
function isNotHexOnly(secret: string): boolean {
  return !/^[a-z]{2}_(?:live|test)_[0-9a-f]+$/.test(secret);
}
/** Keys printed in Stripe's own documentation and tutorials. */
const DOCUMENTED_KEYS = [/^sk_test_4eC39HqLyjWDarjtT1zdp7dc$/, /^sk_test_BQokikJOvBiI2HlWgH4olfQ2$/, /^sk_test_26PHem9AhJZvU623DfE1x4sd$/];

export const stripeRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'stripe-secret-key',
    title: 'Stripe secret API key',
    description:
      'A Stripe secret key (sk_live_ or sk_test_) has full API access to its account in that mode: charges, refunds, payouts, customers and their payment details. Roll it in the Dashboard under Developers > API keys and keep the new key in a secret store; live keys are critical.',
    keywords: ['sk_live_', 'sk_test_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>sk_(?:live|test)_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/,
    maxLength: 260,
    minEntropy: 3.5,
    accept: isNotHexOnly,
    allowValues: DOCUMENTED_KEYS,
    references: [KEY_DOCS],
  }),
  defineSecretRule({
    id: 'stripe-restricted-key',
    title: 'Stripe restricted API key',
    description:
      'A Stripe restricted key (rk_live_ or rk_test_) calls the API with the resource permissions chosen for it, often including payment and customer data. Roll or delete it under Developers > API keys and keep the replacement in a secret store.',
    keywords: ['rk_live_', 'rk_test_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>rk_(?:live|test)_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_])/,
    maxLength: 260,
    minEntropy: 3.5,
    accept: isNotHexOnly,
    references: [KEY_DOCS],
  }),
  defineSecretRule({
    id: 'stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    description:
      'A webhook signing secret (whsec_, used by Stripe and by Svix-based webhook senders) lets its holder forge events that the endpoint will trust, such as payment confirmations. Roll it on the webhook endpoint page and keep it in a secret store.',
    keywords: ['whsec_'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/]{32,88}={0,2})(?![A-Za-z0-9_+/=])/,
    maxLength: 100,
    minEntropy: 3.5,
    references: ['https://docs.stripe.com/webhooks#verify-official-libraries'],
  }),
];
