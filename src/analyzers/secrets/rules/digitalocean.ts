import { defineSecretRule, type SecretRule } from '../rule.js';

const PAT_DOCS = 'https://docs.digitalocean.com/reference/api/create-personal-access-token/';
const OAUTH_DOCS = 'https://docs.digitalocean.com/reference/api/oauth/';

function doToken(id: string, prefix: string, title: string, description: string, docs: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix],
    pattern: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}[a-f0-9]{64})(?![\w-])`),
    maxLength: 71,
    minEntropy: 3,
    references: [docs],
  });
}

export const digitaloceanRules: readonly SecretRule[] = [
  doToken(
    'digitalocean-pat',
    'dop_v1_',
    'DigitalOcean personal access token',
    'A DigitalOcean personal access token calls the DigitalOcean API with its read or write scopes on droplets, databases, DNS and billing. Delete it under API > Tokens and keep the replacement in a secret store.',
    PAT_DOCS,
  ),
  doToken(
    'digitalocean-oauth-token',
    'doo_v1_',
    'DigitalOcean OAuth access token',
    'A DigitalOcean OAuth access token acts for the user who authorized the application. Revoke it through the OAuth revoke endpoint or the user’s authorized applications and do not store it in code.',
    OAUTH_DOCS,
  ),
  doToken(
    'digitalocean-refresh-token',
    'dor_v1_',
    'DigitalOcean OAuth refresh token',
    'A DigitalOcean OAuth refresh token obtains new access tokens for the authorizing user. Revoke the grant and keep refresh tokens encrypted at rest.',
    OAUTH_DOCS,
  ),
];
