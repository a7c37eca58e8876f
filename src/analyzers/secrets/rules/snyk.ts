import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://docs.snyk.io/snyk-api/authentication-for-api';
const SERVICE_ACCOUNT_DOCS = 'https://docs.snyk.io/implementation-and-setup/enterprise-setup/service-accounts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `snyk_uat.<8 hex>.<base64url JSON claims>.<signature>` */
const SCOPED = '[0-9a-f]{8}\\.eyJ[A-Za-z0-9_-]{20,800}\\.[A-Za-z0-9_-]{20,200}';

export const snykRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'snyk-api-token',
    title: 'Snyk API token',
    description:
      'A Snyk API token (the UUID auth token of a user or a service account) runs the Snyk CLI and calls the API with its owner\'s access to organizations, projects and reports. Revoke and regenerate it in Account settings (or the service account page) and keep it in the CI secret store.',
    keywords: ['snyk'],
    pattern: new RegExp(
      `\\bsnyk(?:[\\w.-]{0,25}?(?:token|api[_.-]?key|auth[_.-]?key|key)[\\w-]{0,10}${ASSIGN}|[ \\t]+auth[ \\t]+|[ \\t]+config[ \\t]+set[ \\t]+api[ \\t]*=[ \\t]*)(?<secret>${UUID})(?![0-9A-Za-z_-])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3,
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'snyk-personal-access-token',
    title: 'Snyk personal access token',
    description:
      'A Snyk personal access token (snyk_uat.…) calls the Snyk API and CLI as its user with the scopes chosen for it. Revoke it under Account settings > Personal access tokens and keep the replacement in a secret store.',
    keywords: ['snyk_uat.'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>snyk_uat\\.${SCOPED})(?![A-Za-z0-9_.-])`),
    maxLength: 1040,
    minEntropy: 4,
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'snyk-service-account-token',
    title: 'Snyk service account token',
    description:
      'A Snyk service account token (snyk_sat.…) calls the Snyk API as an organization or group service account. Revoke it on the service account page and keep the replacement in a secret store.',
    keywords: ['snyk_sat.'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>snyk_sat\\.${SCOPED})(?![A-Za-z0-9_.-])`),
    maxLength: 1040,
    minEntropy: 4,
    references: [SERVICE_ACCOUNT_DOCS],
  }),
];
