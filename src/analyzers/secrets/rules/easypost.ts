import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://docs.easypost.com/docs/authentication';

export const easypostRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'easypost-production-api-key',
    title: 'EasyPost production API key',
    description:
      'An EasyPost production API key buys shipping labels charged to the account and reads shipment and address data. Disable it under Account settings > API keys, create a new one and keep it in a secret store.',
    keywords: ['ezak'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>EZAK[A-Za-z0-9]{54})(?![A-Za-z0-9_-])/,
    maxLength: 64,
    minEntropy: 3.5,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'easypost-test-api-key',
    title: 'EasyPost test API key',
    description:
      'An EasyPost test API key calls the API in test mode (no real labels or charges) but exposes test data and often sits next to the production key. Disable it under Account settings > API keys and keep keys in a secret store.',
    keywords: ['eztk'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>EZTK[A-Za-z0-9]{54})(?![A-Za-z0-9_-])/,
    maxLength: 64,
    minEntropy: 3.5,
    references: [DOCS],
  }),
];
