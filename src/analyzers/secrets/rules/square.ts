import { defineSecretRule, type SecretRule } from '../rule.js';

const ACCESS_TOKEN_DOCS = 'https://developer.squareup.com/docs/build-basics/access-tokens';
const OAUTH_DOCS = 'https://developer.squareup.com/docs/oauth-api/overview';

export const squareRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'square-access-token',
    title: 'Square access token',
    description:
      'A Square access token (EAAA…) calls the Square APIs for a seller account: payments, refunds, customers, orders and inventory. Revoke it (replace the personal access token in the Developer Console, or revoke the OAuth token) and keep the new one in a secret store.',
    keywords: ['eaaa'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
    maxLength: 70,
    minEntropy: 3.5,
    references: [ACCESS_TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'square-legacy-access-token',
    title: 'Square access token (sq0atp- format)',
    description:
      'A Square access token in the older sq0atp- format calls the Square APIs for a seller account. Replace it in the Developer Console and keep the new token in a secret store.',
    keywords: ['sq0atp-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
    maxLength: 40,
    minEntropy: 3.3,
    references: [ACCESS_TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'square-oauth-secret',
    title: 'Square application secret',
    description:
      'A Square application (OAuth) secret (sq0csp-…) exchanges authorization codes and refresh tokens for seller access tokens. Replace it on the application OAuth page in the Developer Console and keep it on the server in a secret store.',
    keywords: ['sq0csp-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    maxLength: 60,
    minEntropy: 3.5,
    references: [OAUTH_DOCS],
  }),
];
