import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const coinbaseRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'coinbase-api-secret',
    title: 'Coinbase API secret',
    description:
      'A Coinbase API secret (the 32-character secret of a legacy API key, or the base64 signing secret of an Exchange or Ed25519 CDP key), assigned to a Coinbase secret setting, signs requests that can read balances and place trades or withdrawals. Delete the API key in Coinbase (or the Developer Platform portal) and keep the new secret in a secret store.',
    keywords: ['coinbase'],
    pattern: new RegExp(
      `\\bcoinbase[\\w.-]{0,30}?(?:secret|private[_.-]?key)[\\w-]{0,10}${ASSIGN}(?<secret>[A-Za-z0-9]{32}|[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=_-])`,
      'i',
    ),
    maxLength: 150,
    minEntropy: 3.5,
    accept: (secret) => secret.length > 32 || (/[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret)),
    confidence: 'medium',
    references: ['https://docs.cdp.coinbase.com/get-started/authentication/cdp-api-keys'],
  }),
  defineSecretRule({
    id: 'coinbase-commerce-api-key',
    title: 'Coinbase Commerce API key',
    description:
      'A Coinbase Commerce API key creates and reads charges, checkouts and events of the merchant account. Delete it in Commerce Settings > Security and keep the replacement in a secret store.',
    keywords: ['coinbase', 'x-cc-api-key'],
    pattern: new RegExp(
      `(?:\\bcoinbase[\\w.-]{0,30}?commerce[\\w.-]{0,20}?(?:api[_.-]?)?key[\\w-]{0,10}${ASSIGN}|\\bx-cc-api-key[ \\t'"]{0,3}[:=,][ \\t'"]{0,3})(?<secret>${UUID})(?![0-9A-Za-z_-])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3,
    references: ['https://docs.cdp.coinbase.com/commerce/docs/getting-started'],
  }),
];
