import { defineSecretRule, type SecretRule } from '../rule.js';

const FORMAT_DOCS = 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/';
const TOKEN_DOCS = 'https://developers.cloudflare.com/fundamentals/api/get-started/create-token/';
const KEY_DOCS = 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/';
const CA_KEY_DOCS = 'https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/';

const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;
const CONTEXT = String.raw`(?<![A-Za-z0-9])(?:cloudflare|cf)[\w.-]{0,20}`;

function scannable(id: string, prefix: string, title: string, description: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix],
    // Prefix, 40 random characters, then an 8-character hexadecimal checksum.
    pattern: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}[A-Za-z0-9]{40}[0-9a-f]{8})(?![\w-])`),
    maxLength: 60,
    minEntropy: 3.5,
    references: [FORMAT_DOCS],
  });
}

export const cloudflareRules: readonly SecretRule[] = [
  scannable(
    'cloudflare-user-api-token',
    'cfut_',
    'Cloudflare user API token',
    'A Cloudflare user API token acts with the permissions it was created with (DNS, Workers, zone settings...) on the listed accounts and zones. Roll or delete it under My Profile > API Tokens and keep it in a secret store.',
  ),
  scannable(
    'cloudflare-account-api-token',
    'cfat_',
    'Cloudflare account API token',
    'A Cloudflare account-owned API token acts on the account with its configured permissions, independent of any user. Roll or delete it in the account API tokens page and keep it in a secret store.',
  ),
  scannable(
    'cloudflare-global-api-key',
    'cfk_',
    'Cloudflare global API key',
    'A Cloudflare global API key has full access to everything the user can reach. Roll the global API key in My Profile and replace it with scoped API tokens.',
  ),
  defineSecretRule({
    id: 'cloudflare-legacy-api-token',
    title: 'Cloudflare API token (unprefixed format)',
    description:
      'An older 40-character Cloudflare API token acts with the permissions it was created with. Roll it under My Profile > API Tokens (the new token gets the scannable cfut_ format) and keep it in a secret store.',
    keywords: ['cloudflare', 'cf_', 'cf-', 'cf.'],
    pattern: new RegExp(
      '(?:' +
        CONTEXT +
        String.raw`(?:api[_.-]?)?token[\w.-]{0,10}` +
        SEP +
        // …or a bearer token sent to api.cloudflare.com on the same line (curl before or after the URL).
        String.raw`|(?<=api\.cloudflare\.com[^\n]{0,200})Bearer\s{1,3}|Bearer\s{1,3}(?=[A-Za-z0-9_-]{40}(?![\w-])[^\n]{0,200}api\.cloudflare\.com))` +
        String.raw`(?<secret>[A-Za-z0-9_-]{40})(?![\w-])`,
      'i',
    ),
    maxLength: 320,
    minEntropy: 3.8,
    accept: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret),
    // The token shown in Cloudflare's API documentation.
    allowValues: [/^Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY$/],
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'cloudflare-legacy-global-api-key',
    title: 'Cloudflare global API key (unprefixed format)',
    description:
      'A 37-character Cloudflare global API key, sent as X-Auth-Key with the account e-mail, has full access to the user’s accounts. Roll it in My Profile > API Tokens and move to scoped API tokens.',
    keywords: ['cloudflare', 'cf_', 'cf-', 'cf.', 'x-auth-key'],
    pattern: new RegExp(
      String.raw`(?:` +
        CONTEXT +
        String.raw`(?:api[_.-]?)?key[\w.-]{0,10}|x-auth-key)` +
        SEP +
        String.raw`(?<secret>[0-9a-f]{37})(?![0-9a-z])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3,
    references: [KEY_DOCS],
  }),
  defineSecretRule({
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    description:
      'A Cloudflare Origin CA key (v1.0-) issues and revokes Origin CA certificates for every account the user can access. Change the key in My Profile > API Tokens > Origin CA Key, which invalidates all its values.',
    keywords: ['v1.0-'],
    pattern: /(?<![\w.-])(?<secret>v1\.0-[0-9a-f]{24}-[0-9a-f]{140,150})(?![0-9A-Za-z])/,
    maxLength: 185,
    minEntropy: 3.5,
    // The key printed in Cloudflare's API documentation.
    allowValues: [/^v1\.0-144c9defac04969c7bfad8ef-631a41d003a32d25fe8780/],
    references: [CA_KEY_DOCS],
  }),
];
