import { crc32 } from 'node:zlib';
import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const API_TOKEN_DOCS = 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/';
const SERVICE_ACCOUNT_DOCS = 'https://support.atlassian.com/user-management/docs/manage-api-tokens-for-service-accounts/';
const ACCESS_TOKEN_DOCS = 'https://support.atlassian.com/bitbucket-cloud/docs/access-tokens/';
const DC_PAT_DOCS = 'https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html';


/**
 * `AT?TT3…=XXXXXXXX`: the last eight characters are the CRC32, upper-case hex, of everything before them.
 * A token with that tail but a wrong CRC is a corrupted or made-up value.
 */
function hasAtlassianCrc(token: string): boolean {
  if (!/=[0-9A-F]{8}$/.test(token)) return true;
  const body = token.slice(0, -8);
  return (crc32(body) >>> 0).toString(16).toUpperCase().padStart(8, '0') === token.slice(-8);
}

/** Data Center personal access tokens are base64 of `<numeric id>:<random bytes>`. */
function isDataCenterToken(encoded: string): boolean {
  const decoded = Buffer.from(encoded, 'base64');
  const colon = decoded.indexOf(0x3a);
  if (colon < 6 || colon > 16 || decoded.length - colon - 1 < 16) return false;
  return /^[0-9]+$/.test(decoded.subarray(0, colon).toString('latin1'));
}

function isMixedAlphanumeric(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

function checksummedToken(id: string, title: string, prefix: string, description: string, reference: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix.toLowerCase()],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${prefix}[A-Za-z0-9_=-]{100,320})(?![A-Za-z0-9_=-])`),
    maxLength: 330,
    minEntropy: 4,
    accept: hasAtlassianCrc,
    references: [reference],
  });
}

export const atlassianRules: readonly SecretRule[] = [
  checksummedToken(
    'atlassian-api-token',
    'Atlassian API token',
    'ATATT3',
    'An Atlassian account API token authenticates REST calls to Jira, Confluence and Bitbucket Cloud as its user, with that user\'s permissions or the scopes chosen for it. Revoke it at id.atlassian.com under Security > API tokens and keep the replacement in a secret store.',
    API_TOKEN_DOCS,
  ),
  checksummedToken(
    'atlassian-service-account-token',
    'Atlassian service account API token',
    'ATSTT3',
    'An Atlassian service account API token authenticates automation against Jira and Confluence Cloud as the service account. An organization admin should revoke it in Atlassian Administration > Service accounts and issue a new one into a secret store.',
    SERVICE_ACCOUNT_DOCS,
  ),
  checksummedToken(
    'atlassian-access-token',
    'Atlassian access token (Bitbucket repository, project or workspace token; organization API key)',
    'ATCTT3',
    'An Atlassian access token (ATCTT3…) is a Bitbucket repository, project or workspace access token or an organization admin API key; it calls the API and, for Bitbucket, clones and pushes with its scopes. Revoke it where it was created (repository, project or workspace settings > Access tokens, or Atlassian Administration > API keys).',
    ACCESS_TOKEN_DOCS,
  ),
  defineSecretRule({
    id: 'atlassian-api-token-legacy',
    title: 'Atlassian API token (unprefixed, in a Jira or Confluence setting)',
    description:
      'An Atlassian API token from before the ATATT3 format, assigned to a Jira, Confluence or Atlassian token setting. It authenticates REST calls as its user. Revoke it at id.atlassian.com under Security > API tokens and keep the replacement in a secret store.',
    keywords: ['jira', 'confluence', 'atlassian'],
    pattern: new RegExp(
      `\\b(?:jira|confluence|atlassian)[\\w.-]{0,25}?(?:api[_.-]?)?(?:token|key|pass(?:word)?)[\\w-]{0,10}${ASSIGN}(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_+/=-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3.5,
    accept: isMixedAlphanumeric,
    confidence: 'medium',
    references: [API_TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'atlassian-data-center-pat',
    title: 'Jira or Confluence Data Center personal access token',
    description:
      'A Jira or Confluence Data Center personal access token authenticates REST calls and integrations as its user. Revoke it in the user profile under Personal access tokens (or have an admin revoke it) and keep the replacement in a secret store.',
    keywords: ['jira', 'confluence'],
    pattern: new RegExp(
      `\\b(?:jira|confluence)[\\w.-]{0,25}?(?:token|pat|password|secret)[\\w-]{0,10}${ASSIGN}(?:Bearer[ \\t]+)?(?<secret>[MNO][A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=_-])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3.5,
    accept: isDataCenterToken,
    references: [DC_PAT_DOCS],
  }),
];
