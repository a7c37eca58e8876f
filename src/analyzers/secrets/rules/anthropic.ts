import { defineSecretRule, type SecretRule } from '../rule.js';

export const anthropicRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    description:
      'An Anthropic API key (sk-ant-api03-, or an api01 compliance key) calls the Claude API for its workspace and bills usage to the organisation. Disable or delete it in the Claude Console under API keys and load the replacement from a secret store.',
    keywords: ['sk-ant-api0'],
    pattern: /(?<![\w-])(?<secret>sk-ant-api0[0-9]-[A-Za-z0-9_-]{80,110})(?![\w-])/,
    maxLength: 130,
    minEntropy: 3.5,
    references: ['https://docs.anthropic.com/en/api/getting-started#authentication'],
  }),
  defineSecretRule({
    id: 'anthropic-admin-key',
    title: 'Anthropic Admin API key',
    description:
      'An Anthropic Admin API key (sk-ant-admin01-) administers the organisation: members, invites, workspaces and the API keys of every workspace. Revoke it in the Claude Console at once and keep admin keys in a secret store with very narrow access.',
    keywords: ['sk-ant-admin01-'],
    pattern: /(?<![\w-])(?<secret>sk-ant-admin01-[A-Za-z0-9_-]{80,110})(?![\w-])/,
    maxLength: 130,
    minEntropy: 3.5,
    references: ['https://docs.anthropic.com/en/api/administration-api'],
  }),
];
