import { defineSecretRule, type SecretRule } from '../rule.js';

const API_KEY_DOCS = 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/api-key';
const TOKEN_DOCS = 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens';

/**
 * Reference tokens are base64 of `reftkn:01:<expiry, unix seconds or zeros>:<random>`. When the version
 * field is there, the rest must be well formed too.
 */
function isReferenceToken(encoded: string): boolean {
  const decoded = Buffer.from(encoded, 'base64').toString('latin1');
  if (!decoded.startsWith('reftkn:01:')) return true;
  return /^reftkn:01:[0-9]{10}:[A-Za-z0-9]{16,}$/.test(decoded);
}

export const jfrogRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'jfrog-api-key',
    title: 'JFrog Artifactory API key',
    description:
      'A JFrog Artifactory API key authenticates as its user to read and deploy artifacts and call the REST API. Revoke it in the user profile (API keys are deprecated) and switch to a scoped access token kept in a secret store.',
    keywords: ['akcp'],
    pattern: /(?<![A-Za-z0-9_+/-])(?<secret>AKCp[A-Za-z0-9]{69})(?![A-Za-z0-9_+/=-])/,
    maxLength: 80,
    minEntropy: 4,
    references: [API_KEY_DOCS],
  }),
  defineSecretRule({
    id: 'jfrog-reference-token',
    title: 'JFrog reference (identity or access) token',
    description:
      'A JFrog reference token stands for an access or identity token: it authenticates to Artifactory and the platform APIs with the user or scope it was issued for. Revoke it under User profile > Identity tokens or Administration > Access tokens and keep the replacement in a secret store.',
    keywords: ['cmvmdgtu'],
    pattern: /(?<![A-Za-z0-9_+/-])(?<secret>cmVmdGtu[A-Za-z0-9+/]{56})(?![A-Za-z0-9_+/=-])/,
    maxLength: 72,
    minEntropy: 4,
    accept: isReferenceToken,
    references: [TOKEN_DOCS],
  }),
];
