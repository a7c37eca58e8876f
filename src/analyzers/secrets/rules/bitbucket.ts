import { crc32 } from 'node:zlib';
import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const APP_PASSWORD_DOCS = 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/';
const OAUTH_DOCS = 'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/';
const DC_TOKEN_DOCS = 'https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html';


/**
 * App passwords end in the CRC32 (8 upper-case hex digits) of everything before it. A value with that
 * tail but a wrong CRC is a corrupted or made-up one.
 */
function hasAtlassianCrc(token: string): boolean {
  if (!/[0-9A-F]{8}$/.test(token)) return true;
  const body = token.slice(0, -8);
  return (crc32(body) >>> 0).toString(16).toUpperCase().padStart(8, '0') === token.slice(-8);
}

/** Data Center HTTP access tokens are base64 of `<numeric id>:<random bytes>`. */
function isDataCenterToken(encoded: string): boolean {
  const decoded = Buffer.from(encoded.replace(/^BBDC-/, ''), 'base64');
  const colon = decoded.indexOf(0x3a);
  if (colon < 6 || colon > 16 || decoded.length - colon - 1 < 16) return false;
  return /^[0-9]+$/.test(decoded.subarray(0, colon).toString('latin1'));
}

/** Has upper case, lower case and a digit: random credentials do, words and identifiers mostly don't. */
function isMixedAlphanumeric(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

export const bitbucketRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'bitbucket-app-password',
    title: 'Bitbucket Cloud app password',
    description:
      'A Bitbucket Cloud app password authenticates Git and API calls as its user with the scopes chosen at creation. Revoke it under Personal settings > App passwords and move automation to a scoped API or access token kept in a secret store.',
    keywords: ['atbb'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>ATBB[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/,
    maxLength: 40,
    minEntropy: 3.3,
    accept: hasAtlassianCrc,
    references: [APP_PASSWORD_DOCS],
  }),
  defineSecretRule({
    id: 'bitbucket-app-password-legacy',
    title: 'Bitbucket app password (unprefixed, in a Bitbucket setting)',
    description:
      'An app password created before Bitbucket added the ATBB prefix, assigned to a Bitbucket password setting. It authenticates Git and API calls as its user. Revoke it under Personal settings > App passwords and keep its replacement in a secret store.',
    keywords: ['bitbucket'],
    pattern: new RegExp(
      `\\bbitbucket[\\w.-]{0,30}?(?:app[_.-]?)?pass(?:word)?[\\w-]{0,10}${ASSIGN}(?<secret>[A-Za-z0-9]{20})(?![A-Za-z0-9_+/=-])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3.5,
    accept: isMixedAlphanumeric,
    confidence: 'medium',
    references: [APP_PASSWORD_DOCS],
  }),
  defineSecretRule({
    id: 'bitbucket-client-secret',
    title: 'Bitbucket OAuth consumer secret',
    description:
      'A Bitbucket OAuth consumer secret lets its holder act as the OAuth consumer and obtain access tokens for the workspaces that authorised it. Regenerate it under Workspace settings > OAuth consumers.',
    keywords: ['bitbucket'],
    pattern: new RegExp(
      `\\bbitbucket[\\w.-]{0,30}?(?:client|consumer|oauth)[\\w.-]{0,12}?secret[\\w-]{0,10}${ASSIGN}(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_+/=-])`,
      'i',
    ),
    maxLength: 130,
    minEntropy: 3.5,
    accept: isMixedAlphanumeric,
    confidence: 'medium',
    references: [OAUTH_DOCS],
  }),
  defineSecretRule({
    id: 'bitbucket-data-center-token',
    title: 'Bitbucket Data Center HTTP access token',
    description:
      'A Bitbucket Data Center (Server) HTTP access token authenticates Git over HTTPS and REST calls for a user, project or repository. Revoke it under HTTP access tokens in the account, project or repository settings.',
    keywords: ['bbdc-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>BBDC-[A-Za-z0-9+/]{40,50}={0,2})(?![A-Za-z0-9+/=_-])/,
    maxLength: 64,
    minEntropy: 3.5,
    accept: isDataCenterToken,
    references: [DC_TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'bitbucket-server-token',
    title: 'Bitbucket Server HTTP access token (unprefixed)',
    description:
      'An unprefixed Bitbucket Server or Data Center HTTP access token assigned to a Bitbucket setting. It authenticates Git over HTTPS and REST calls. Revoke it under HTTP access tokens and keep the replacement in a secret store.',
    keywords: ['bitbucket'],
    pattern: new RegExp(
      `\\bbitbucket[\\w.-]{0,30}?(?:token|pat|password|secret)[\\w-]{0,10}${ASSIGN}(?<secret>[MNO][A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=_-])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3.5,
    accept: isDataCenterToken,
    references: [DC_TOKEN_DOCS],
  }),
];
