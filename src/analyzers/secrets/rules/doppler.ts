import { defineSecretRule, type SecretRule } from '../rule.js';

const API_DOCS = 'https://docs.doppler.com/reference/api#authentication';
const SERVICE_DOCS = 'https://docs.doppler.com/docs/service-tokens';

function dopplerToken(id: string, kind: string, title: string, description: string, docs: string, middle = ''): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [`dp.${kind}.`],
    pattern: new RegExp(String.raw`(?<![\w.-])(?<secret>dp\.${kind}\.${middle}[A-Za-z0-9]{40,44})(?![A-Za-z0-9])`),
    maxLength: 100,
    minEntropy: 3.5,
    references: [docs],
  });
}

export const dopplerRules: readonly SecretRule[] = [
  dopplerToken(
    'doppler-personal-token',
    'pt',
    'Doppler personal token',
    'A Doppler personal token has read/write access to every project and secret its user can reach. Revoke it under Tokens > Personal and give services scoped service tokens instead.',
    API_DOCS,
  ),
  dopplerToken(
    'doppler-cli-token',
    'ct',
    'Doppler CLI token',
    'A Doppler CLI token, created by `doppler login`, has the full access of the logged-in user. Revoke it (`doppler logout --revoke` or in the dashboard) and never copy it into project files.',
    API_DOCS,
  ),
  dopplerToken(
    'doppler-service-token',
    'st',
    'Doppler service token',
    'A Doppler service token reads (and possibly writes) all secrets of one project config. Revoke it on the config’s Access tab and inject it through the deployment platform’s secret settings.',
    SERVICE_DOCS,
    String.raw`(?:[A-Za-z0-9_-]{1,40}\.)?`,
  ),
  dopplerToken(
    'doppler-service-account-token',
    'sa',
    'Doppler service account token',
    'A Doppler service account token acts with the roles of its service account across the workplace. Revoke it on the service account page and store replacements in the CI secret settings.',
    API_DOCS,
  ),
  dopplerToken(
    'doppler-scim-token',
    'scim',
    'Doppler SCIM token',
    'A Doppler SCIM token can create, change and remove users and groups of the workplace. Revoke it in the SCIM settings and keep it only in the identity provider.',
    API_DOCS,
  ),
  dopplerToken(
    'doppler-audit-token',
    'audit',
    'Doppler audit token',
    'A Doppler audit token reads the workplace’s audit data, including who accessed which secrets. Revoke it in the dashboard and store it in a secret manager.',
    API_DOCS,
  ),
];
