import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys';

/** <kind>.<account id>.<token id>.<secret>; the account identifier is base64url-like. */
function tokenPattern(kind: 'pat' | 'sat'): RegExp {
  return new RegExp(
    String.raw`(?<![\w.-])(?<secret>${kind}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})(?![\w-]|\.[A-Za-z0-9])`,
  );
}

export const harnessRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'harness-personal-access-token',
    title: 'Harness personal access token',
    description:
      'A Harness personal access token (pat.) calls the Harness API with all the permissions of the user who made it: pipelines, connectors, secrets and deployments across the account. Delete or rotate the token under My API Keys in the user profile and keep the new one in a secret store.',
    keywords: ['pat.'],
    caseSensitiveKeywords: true,
    pattern: tokenPattern('pat'),
    maxLength: 80,
    minEntropy: 3.5,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'harness-service-account-token',
    title: 'Harness service account token',
    description:
      'A Harness service account token (sat.) acts as a service account at the scope it was created in, usually with pipeline-execution and secret access used by CI. Rotate or delete it on the service account\'s API key in Access Control and inject the replacement from a secret store.',
    keywords: ['sat.'],
    caseSensitiveKeywords: true,
    pattern: tokenPattern('sat'),
    maxLength: 80,
    minEntropy: 3.5,
    references: [DOCS],
  }),
];
