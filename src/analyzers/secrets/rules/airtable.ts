import { defineSecretRule, type SecretRule } from '../rule.js';

export const airtableRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'airtable-personal-access-token',
    title: 'Airtable personal access token',
    description:
      'An Airtable personal access token (pat<id>.<secret>) reads and writes records, and with schema scopes changes tables, in every base it was granted. Delete or regenerate it in the Airtable developer hub and keep it in a secret store.',
    keywords: ['pat'],
    pattern: /(?<![\w.-])(?<secret>pat[A-Za-z0-9]{14}\.[0-9a-f]{64})(?![\w.-])/,
    maxLength: 90,
    minEntropy: 3.5,
    references: ['https://airtable.com/developers/web/guides/personal-access-tokens'],
  }),
];
