import { defineSecretRule, type SecretRule } from '../rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const infisicalRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'infisical-service-token',
    title: 'Infisical service token',
    description:
      'An Infisical service token (st.<token id>.<secret>.<key>) reads, and if granted writes, the secrets of the environments and paths it was scoped to; the last segment is the key that decrypts them. Delete it under Access Control → Service Tokens in the project and move to a machine identity whose credentials live in a secret store.',
    keywords: ['st.'],
    caseSensitiveKeywords: true,
    // The token id is a UUID (older servers: a 24-hex object id); the decryption key segment may be left off.
    pattern: new RegExp(
      String.raw`(?<![\w.-])(?<secret>st\.(?:${UUID}|[0-9a-f]{24})\.[0-9a-f]{32}(?:\.[0-9a-f]{32})?)(?![\w-]|\.[A-Za-z0-9])`,
    ),
    maxLength: 120,
    minEntropy: 3,
    references: ['https://infisical.com/docs/internals/service-tokens', 'https://infisical.com/docs/documentation/platform/token'],
  }),
];
