import { defineSecretRule, type SecretRule } from '../rule.js';

export const prefectRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'prefect-api-key',
    title: 'Prefect Cloud API key',
    description:
      'A Prefect Cloud API key (pnu_) acts as its user in every workspace they belong to: it runs and edits deployments, and reads blocks, which often store further credentials. Delete it in the Prefect Cloud profile settings and keep it in a secret store.',
    keywords: ['pnu_'],
    pattern: /(?<![\w-])(?<secret>pnu_[A-Za-z0-9]{36})(?![\w-])/,
    maxLength: 45,
    minEntropy: 3.5,
    references: ['https://docs.prefect.io/v3/how-to-guides/cloud/manage-users/api-keys'],
  }),
];
