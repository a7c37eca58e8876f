import { defineSecretRule, type SecretRule } from '../rule.js';

export const databricksRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'databricks-pat',
    title: 'Databricks personal access token',
    description:
      'A Databricks personal access token (dapi…) calls the workspace REST API and SQL endpoints as its user, including notebooks, jobs, clusters and data. Revoke it under User Settings > Developer > Access tokens and use OAuth machine-to-machine credentials.',
    keywords: ['dapi'],
    pattern: /(?<![\w-])(?<secret>dapi[a-f0-9]{32}(?:-\d)?)(?![\w-])/,
    maxLength: 40,
    minEntropy: 3,
    references: ['https://docs.databricks.com/en/dev-tools/auth/pat.html'],
  }),
];
