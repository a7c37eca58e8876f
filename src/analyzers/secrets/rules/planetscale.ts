import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://planetscale.com/docs/concepts/service-tokens';
const PASSWORD_DOCS = 'https://planetscale.com/docs/concepts/connection-strings';

function pscale(id: string, prefix: string, title: string, description: string, docs: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix],
    pattern: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}[A-Za-z0-9_-]{32,64})(?![\w-])`),
    maxLength: 80,
    minEntropy: 3.5,
    references: [docs],
  });
}

export const planetscaleRules: readonly SecretRule[] = [
  pscale(
    'planetscale-service-token',
    'pscale_tkn_',
    'PlanetScale service token',
    'A PlanetScale service token calls the PlanetScale API with its granted database and organization permissions. Delete it under Settings > Service tokens and store the replacement in the CI secret settings.',
    TOKEN_DOCS,
  ),
  pscale(
    'planetscale-password',
    'pscale_pw_',
    'PlanetScale database password',
    'A PlanetScale database password connects to a database branch with its role (often read/write or admin). Delete the password in the branch settings and read connection strings from environment secrets.',
    PASSWORD_DOCS,
  ),
  pscale(
    'planetscale-oauth-token',
    'pscale_oauth_',
    'PlanetScale OAuth token',
    'A PlanetScale OAuth token acts for the user who authorized the application. Revoke the application authorization and keep tokens encrypted.',
    TOKEN_DOCS,
  ),
];
