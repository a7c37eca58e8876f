import { defineSecretRule, type SecretRule } from '../rule.js';

export const renderRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'render-api-key',
    title: 'Render API key',
    description:
      'A Render API key (rnd_) drives the Render REST API and CLI for every workspace its user belongs to: deploys, environment variables and secrets, databases, scaling and deletion. It does not expire. Revoke it under Account Settings → API Keys in the Render Dashboard and keep the new key in a secret store.',
    keywords: ['rnd_'],
    pattern: /(?<![\w-])(?<secret>rnd_[A-Za-z0-9]{24,48})(?![\w-])/,
    maxLength: 60,
    minEntropy: 3.5,
    references: ['https://render.com/docs/api'],
  }),
];
