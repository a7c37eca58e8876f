import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const plaidRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'plaid-access-token',
    title: 'Plaid access token (production or development)',
    description:
      'A Plaid access token for the production or development environment reads the linked bank accounts of one end user (balances, transactions, identity) together with the client id and secret. Remove the Item (/item/remove) or rotate the token with /item/access_token/invalidate and store tokens encrypted server-side. Sandbox tokens are not reported.',
    keywords: ['access-production-', 'access-development-'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>access-(?:production|development)-${UUID})(?![A-Za-z0-9_-])`),
    maxLength: 60,
    minEntropy: 3,
    references: ['https://plaid.com/docs/api/items/#itemaccess_tokeninvalidate'],
  }),
  defineSecretRule({
    id: 'plaid-secret',
    title: 'Plaid API secret',
    description:
      'A Plaid secret, with the (non-secret) client id, authenticates every Plaid API call of the team in its environment, including exchanging and using access tokens to bank data. Rotate it in the Plaid Dashboard under Developers > Keys and keep it in a secret store.',
    keywords: ['plaid'],
    pattern: new RegExp(`\\bplaid[\\w.-]{0,25}?secret[\\w-]{0,10}${ASSIGN}(?<secret>[0-9a-z]{30})(?![0-9A-Za-z_-])`, 'i'),
    maxLength: 90,
    minEntropy: 3,
    references: ['https://plaid.com/docs/api/#api-access'],
  }),
];
