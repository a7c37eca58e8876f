import { defineSecretRule, type SecretRule } from '../rule.js';

export const braintreeRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'braintree-access-token',
    title: 'Braintree access token',
    description:
      'A Braintree access token (access_token$environment$merchant$secret, also used by PayPal SDK integrations) authorises server-side API calls for the merchant: transactions, refunds and vault data. Revoke it in the Braintree or PayPal developer settings and keep the replacement in a secret store.',
    keywords: ['access_token$'],
    pattern: /(?<![A-Za-z0-9_])(?<secret>access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9_])/,
    maxLength: 90,
    minEntropy: 3,
    references: ['https://developer.paypal.com/braintree/docs/guides/authorization/access-token'],
  }),
];
