import { defineSecretRule, type SecretRule } from '../rule.js';

export const mollieRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'mollie-api-key',
    title: 'Mollie API key',
    description:
      'A Mollie API key (live_ or test_ followed by 30 characters) creates payments, refunds and payment links for a website profile and reads its transactions. Reset the key in the Mollie Dashboard under Developers > API keys and keep it in a secret store.',
    keywords: ['mollie'],
    // live_/test_ alone is far too common: a Mollie mention earlier on the line is required.
    pattern: /\bmollie[^\r\n]{0,80}?(?<![A-Za-z0-9_-])(?<secret>(?:live|test)_[A-Za-z0-9]{30})(?![A-Za-z0-9_-])/i,
    maxLength: 130,
    minEntropy: 3.5,
    accept: (secret) => /^(?:live|test)_/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret.slice(5)),
    // The key printed throughout Mollie's documentation and SDK READMEs.
    allowValues: [/^test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM$/],
    references: ['https://docs.mollie.com/reference/authentication'],
  }),
  defineSecretRule({
    id: 'mollie-access-token',
    title: 'Mollie organization access token',
    description:
      'A Mollie organization access token (access_…) calls the Mollie API for the whole organization with the permissions chosen for it, across profiles. Revoke it in the Mollie Dashboard under Developers > Organization access tokens and keep the replacement in a secret store.',
    keywords: ['mollie'],
    pattern: /\bmollie[^\r\n]{0,80}?(?<![A-Za-z0-9_-])(?<secret>access_[A-Za-z0-9]{40})(?![A-Za-z0-9_-])/i,
    maxLength: 140,
    minEntropy: 3.5,
    accept: (secret) => secret.startsWith('access_'),
    references: ['https://docs.mollie.com/reference/authentication'],
  }),
];
