import { defineSecretRule, type SecretRule } from '../rule.js';

export const octopusRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'octopus-deploy-api-key',
    title: 'Octopus Deploy API key',
    description:
      'An Octopus Deploy API key acts as the user who created it, deployments included; revoke it in the user profile and give CI its own scoped key from a secret store.',
    keywords: ['API-'],
    caseSensitiveKeywords: true,
    pattern: /(?<![\w-])(?<secret>API-[A-Z0-9]{26})(?![\w-])/,
    maxLength: 40,
    minEntropy: 3.2,
    references: ['https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key'],
  }),
];
