import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://developers.notion.com/docs/authorization';
const mixedBase62 = (secret: string): boolean => /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret);

export const notionRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'notion-integration-token',
    title: 'Notion integration token',
    description:
      'A Notion integration token (ntn_) reads and edits every page and database shared with the integration. Refresh the secret on the integration\'s page at notion.so/profile/integrations and keep it in a secret store.',
    keywords: ['ntn_'],
    pattern: /(?<![\w-])(?<secret>ntn_[A-Za-z0-9]{40,50})(?![\w-])/,
    maxLength: 60,
    minEntropy: 3.5,
    accept: mixedBase62,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'notion-legacy-integration-token',
    title: 'Notion integration token (secret_ format)',
    description:
      'A Notion integration or OAuth token of the older secret_ form (43 random characters) still reads and edits the pages shared with its integration. Refresh the integration secret in Notion and keep the new value in a secret store.',
    keywords: ['secret_'],
    pattern: /(?<![\w-])(?<secret>secret_[A-Za-z0-9]{43})(?![\w-])/,
    maxLength: 55,
    minEntropy: 4,
    accept: (secret) => mixedBase62(secret.slice('secret_'.length)),
    references: [DOCS],
  }),
];
