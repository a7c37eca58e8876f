import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://docs.sentry.io/account/auth-tokens/';

export const sentryRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'sentry-org-auth-token',
    title: 'Sentry organization auth token',
    description:
      'A Sentry organization auth token (sntrys_) uploads source maps and releases and uses the API for the whole organization. Revoke it under Settings > Auth Tokens and keep it in CI secrets.',
    keywords: ['sntrys_'],
    pattern: /(?<![\w-])(?<secret>sntrys_eyJ[A-Za-z0-9+/]{20,500}={0,2}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=])/,
    maxLength: 600,
    minEntropy: 4,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'sentry-user-auth-token',
    title: 'Sentry user auth token',
    description:
      'A Sentry user auth token (sntryu_) calls the API with its user’s scopes across every organization they belong to. Revoke it under User Settings > Personal Tokens and use organization tokens for automation.',
    keywords: ['sntryu_'],
    pattern: /(?<![\w-])(?<secret>sntryu_[a-f0-9]{64})(?![\w-])/,
    maxLength: 71,
    minEntropy: 3,
    references: [DOCS],
  }),
];
