import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://docs.dynatrace.com/docs/dynatrace-api/basics/dynatrace-api-authentication';
// The secret portion of the sample token in Dynatrace's documentation.
const DOC_SAMPLE = /G3DFPBEJYMODIDAEX454M7YWBUVEFOWKPRVMWFASS64NFH52PX6BNDVFFM572RZM$/;

export const dynatraceRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'dynatrace-api-token',
    title: 'Dynatrace API token',
    description:
      'A Dynatrace API token (dt0c01.) reads monitoring data, changes configuration or ingests data with its scopes. Revoke it in Access tokens; the public part (prefix and first segment) identifies it without the secret.',
    keywords: ['dt0c01.'],
    pattern: /(?<![\w.-])(?<secret>dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})(?![A-Za-z0-9])/,
    maxLength: 96,
    minEntropy: 3.5,
    allowValues: [DOC_SAMPLE],
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'dynatrace-platform-token',
    title: 'Dynatrace account, platform or OAuth credential',
    description:
      'A Dynatrace dt0s… credential (account API token, platform token or OAuth client secret) reaches the account management or platform APIs with its permissions. Delete it in Account Management and store replacements in a secret manager.',
    keywords: ['dt0s'],
    pattern: /(?<![\w.-])(?<secret>dt0s\d{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})(?![A-Za-z0-9])/,
    maxLength: 96,
    minEntropy: 3.5,
    allowValues: [DOC_SAMPLE],
    references: [DOCS],
  }),
];
