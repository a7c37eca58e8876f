import { defineSecretRule, type SecretRule } from '../rule.js';

export const supabaseRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'supabase-access-token',
    title: 'Supabase personal access or OAuth token',
    description:
      'A Supabase access token (sbp_) drives the Management API and CLI for every project of its user or OAuth grant: settings, keys, functions and databases. Delete it under Account > Access Tokens and keep it in CI secrets.',
    keywords: ['sbp_'],
    pattern: /(?<![\w-])(?<secret>sbp_(?:oauth_)?[a-f0-9]{40})(?![\w-])/,
    maxLength: 50,
    minEntropy: 3,
    references: ['https://supabase.com/docs/reference/api/introduction'],
  }),
  defineSecretRule({
    id: 'supabase-secret-key',
    title: 'Supabase secret API key',
    description:
      'A Supabase secret key (sb_secret_) bypasses Row Level Security and has full access to the project’s data. Delete it under Project Settings > API Keys, create a new one, and use it only in server-side secrets.',
    keywords: ['sb_secret_'],
    pattern: /(?<![\w-])(?<secret>sb_secret_[A-Za-z0-9_-]{28,64})(?![\w-])/,
    maxLength: 76,
    minEntropy: 3.5,
    references: ['https://supabase.com/docs/guides/api/api-keys'],
  }),
];
