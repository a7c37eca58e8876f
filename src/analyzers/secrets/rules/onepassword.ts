import { defineSecretRule, type SecretRule } from '../rule.js';

export const onepasswordRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'onepassword-service-account-token',
    title: '1Password service account token',
    description:
      'A 1Password service account token (ops_) unlocks every vault the service account was granted, so it exposes all credentials stored there. Revoke the token or delete the service account in 1Password and inject tokens from the CI secret store only.',
    keywords: ['ops_eyj'],
    pattern: /(?<![\w-])(?<secret>ops_eyJ[A-Za-z0-9+/_-]{100,2000}={0,2})(?![\w+/=-])/,
    maxLength: 2100,
    minEntropy: 4,
    references: ['https://developer.1password.com/docs/service-accounts/'],
  }),
  defineSecretRule({
    id: 'onepassword-secret-key',
    title: '1Password account Secret Key',
    description:
      'A 1Password Secret Key (A3-…) is one of the two factors that decrypt a 1Password account; with the account password it opens every vault of the user. Regenerate the Secret Key in the account settings, change the account password and never store the key in code.',
    keywords: ['a3-'],
    pattern: /(?<![\w-])(?<secret>A3-[A-Z0-9]{6}-[A-Z0-9]{6}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![\w-])/,
    maxLength: 45,
    minEntropy: 3,
    references: ['https://support.1password.com/secret-key/'],
  }),
];
