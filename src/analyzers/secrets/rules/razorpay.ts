import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const KEY_DOCS = 'https://razorpay.com/docs/api/authentication/';


function isMixedAlphanumeric(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

export const razorpayRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'razorpay-key-pair',
    title: 'Razorpay key id with its key secret',
    description:
      'A Razorpay key id (rzp_live_ or rzp_test_) written next to its key secret, as in basic-auth or client constructor arguments, authenticates to the Razorpay API with full access to payments, refunds and settlements. Regenerate the key under Account & Settings > API Keys and keep the secret in a secret store.',
    keywords: ['rzp_live_', 'rzp_test_'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_])rzp_(?:live|test)_[A-Za-z0-9]{14}[ \\t'"]{0,3}[:,][ \\t'"]{0,3}(?:[A-Za-z_]{1,20}[ \\t]{0,2}[:=][ \\t'"]{0,3})?(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_])`,
    ),
    maxLength: 90,
    minEntropy: 3.5,
    accept: isMixedAlphanumeric,
    references: [KEY_DOCS],
  }),
  defineSecretRule({
    id: 'razorpay-key-secret',
    title: 'Razorpay key secret',
    description:
      'A Razorpay key secret, assigned to a Razorpay secret setting, authenticates to the Razorpay API together with its (public) key id: payments, refunds, settlements and customer data. Regenerate the key under Account & Settings > API Keys and keep the secret in a secret store.',
    keywords: ['razorpay'],
    pattern: new RegExp(`\\brazorpay[\\w.-]{0,25}?secret[\\w-]{0,10}${ASSIGN}(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_])`, 'i'),
    maxLength: 90,
    minEntropy: 3.5,
    accept: isMixedAlphanumeric,
    references: [KEY_DOCS],
  }),
];
