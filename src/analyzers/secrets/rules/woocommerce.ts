import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://developer.woocommerce.com/docs/apis/rest-api/authentication/';

export const woocommerceRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'woocommerce-consumer-secret',
    title: 'WooCommerce REST API consumer secret',
    description:
      'A WooCommerce consumer secret (cs_ and 40 hex digits) is the password of a REST API key: with its consumer key it reads or changes orders, customers and their addresses, products and coupons with the rights of the WordPress user it belongs to. Revoke the key under WooCommerce > Settings > Advanced > REST API and keep the new pair in a secret store.',
    keywords: ['cs_'],
    caseSensitiveKeywords: true,
    pattern: /(?<![\w-])(?<secret>cs_[0-9a-f]{40})(?![\w-])/,
    maxLength: 45,
    minEntropy: 3,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'woocommerce-consumer-key',
    title: 'WooCommerce REST API consumer key',
    description:
      'A WooCommerce consumer key (ck_ and 40 hex digits) names a REST API key of the store; its consumer secret is usually stored right next to it, and over HTTPS the pair is a basic-auth login to the store API. Check for the secret, revoke the key under WooCommerce > Settings > Advanced > REST API if it leaked, and keep both in a secret store.',
    keywords: ['ck_'],
    caseSensitiveKeywords: true,
    pattern: /(?<![\w-])(?<secret>ck_[0-9a-f]{40})(?![\w-])/,
    maxLength: 45,
    minEntropy: 3,
    confidence: 'medium',
    references: [DOCS],
  }),
];
