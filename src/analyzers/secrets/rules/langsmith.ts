import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key';

export const langsmithRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'langsmith-personal-access-token',
    title: 'LangSmith personal access token',
    description:
      'A LangSmith personal access token (lsv2_pt_) acts as its user in LangSmith: it reads traces, which often hold prompts, outputs and customer data, and writes runs and datasets. Delete it in the LangSmith settings and keep the new token in a secret store.',
    keywords: ['lsv2_pt_'],
    pattern: /(?<![\w-])(?<secret>lsv2_pt_[0-9a-f]{32}_[0-9a-f]{10})(?![\w-])/,
    maxLength: 60,
    minEntropy: 3,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'langsmith-service-key',
    title: 'LangSmith service key',
    description:
      'A LangSmith service key (lsv2_sk_) is an organisation-level credential for services, with access to the workspaces it was scoped to, including their traces. Delete it in the LangSmith settings and inject its replacement from a secret store.',
    keywords: ['lsv2_sk_'],
    pattern: /(?<![\w-])(?<secret>lsv2_sk_[0-9a-f]{32}_[0-9a-f]{10})(?![\w-])/,
    maxLength: 60,
    minEntropy: 3,
    references: [DOCS],
  }),
];
