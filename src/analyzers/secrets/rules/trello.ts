import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://developers.trello.com/page/authorization';
const TOKENS_DOCS = 'https://developer.atlassian.com/cloud/trello/rest/api-group-tokens/';

const DESCRIPTION =
  'A Trello API token, with the app\'s API key, acts as the member who authorised it with the granted scopes (often read and write, never expiring): boards, cards, attachments and comments. Revoke it under Account settings > Power-Ups and integrations (or DELETE /1/tokens/{token}) and keep the new token in a secret store.';

export const trelloRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'trello-api-token',
    title: 'Trello API token',
    description: DESCRIPTION,
    // Current tokens: ATTA, 64 lower-case hex digits and 8 upper-case hex digits (76 characters).
    keywords: ['ATTA'],
    caseSensitiveKeywords: true,
    pattern: /(?<![\w-])(?<secret>ATTA[0-9a-f]{64}[0-9A-F]{8})(?![\w-])/,
    maxLength: 80,
    minEntropy: 3,
    references: [DOCS, TOKENS_DOCS],
  }),
  defineSecretRule({
    id: 'trello-legacy-api-token',
    title: 'Trello API token (legacy format)',
    description: DESCRIPTION,
    // Tokens issued before 2023 are 64 hex digits with no prefix: a Trello-named token setting or a `token=` in a Trello API URL.
    keywords: ['trello'],
    pattern: new RegExp(String.raw`trello[^\n]{0,200}?token\w{0,10}${ASSIGN}(?<secret>[0-9a-f]{64})(?![\w-])`, 'i'),
    maxLength: 300,
    minEntropy: 3,
    references: [DOCS],
  }),
];
