import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate';

export const azureDevopsRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'azure-devops-pat',
    title: 'Azure DevOps personal access token',
    description:
      'An Azure DevOps personal access token acts as its owner on repositories, pipelines and feeds of the organization; revoke it under User settings → Personal access tokens.',
    // Legacy tokens are 52 characters of lower-case base32 with no prefix: they run only near words
    // that name Azure DevOps.
    keywords: ['devops', 'azdo', 'vsts', 'dev.azure.com', 'visualstudio.com', 'ado_pat', 'ado_token', 'system_accesstoken'],
    pattern: /(?<![A-Za-z0-9])(?<secret>[a-z2-7]{52})(?![A-Za-z0-9])/,
    maxLength: 200,
    minEntropy: 3.8,
    confidence: 'medium',
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'azure-devops-pat-v2',
    title: 'Azure DevOps personal access token (84 characters)',
    description:
      'An Azure DevOps personal access token in the current 84-character format acts as its owner on the organization; revoke it under User settings → Personal access tokens.',
    keywords: ['AZDO'],
    caseSensitiveKeywords: true,
    pattern: /(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{52}JQQJ9[9A-D][A-Za-z0-9]{16}AZDO[A-Za-z0-9]{4})(?![A-Za-z0-9])/,
    maxLength: 100,
    minEntropy: 3.8,
    references: [DOCS],
  }),
];
