import { ASSIGN_LOOSE as ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';


export const algoliaRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'algolia-admin-api-key',
    title: 'Algolia admin or write API key',
    description:
      'An Algolia admin (or write) API key adds, changes and deletes records, indices, settings and other API keys of the application; unlike the search-only key it must never leave the server. Regenerate it in the Algolia dashboard under API Keys and keep it in a secret store.',
    keywords: ['algolia'],
    pattern: new RegExp(String.raw`algolia[\w.-]{0,25}(?:admin|write)[\w.-]{0,20}${ASSIGN}(?<secret>[0-9a-f]{32})(?![\w-])`, 'i'),
    maxLength: 110,
    minEntropy: 3,
    accept: (secret) => /^[0-9a-f]{32}$/.test(secret),
    references: ['https://www.algolia.com/doc/guides/security/api-keys/'],
  }),
];
