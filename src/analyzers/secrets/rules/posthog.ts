import { defineSecretRule, type SecretRule } from '../rule.js';

export const posthogRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'posthog-personal-api-key',
    title: 'PostHog personal API key',
    description:
      'A PostHog personal API key (phx_) calls the private API as the user who made it, within its scopes: it can read persons and recordings, query events, and change or delete feature flags, insights and data. Project API keys (phc_) are public by design and are not reported. Delete the key under Settings → Personal API keys and keep the new one in a secret store, never in frontend code.',
    keywords: ['phx_'],
    caseSensitiveKeywords: true,
    pattern: /(?<![\w-])(?<secret>phx_[A-Za-z0-9]{39,60})(?![\w-])/,
    maxLength: 70,
    minEntropy: 3.5,
    references: ['https://posthog.com/docs/api/personal-api-keys'],
  }),
];
