import { defineSecretRule, type SecretRule } from '../rule.js';

export const pulumiRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'pulumi-access-token',
    title: 'Pulumi access token',
    description:
      'A Pulumi Cloud access token (pul-) reads and updates stacks, their state and their encrypted configuration for its user, team or organization. Delete it under Access Tokens and use OIDC-issued tokens in CI.',
    keywords: ['pul-'],
    pattern: /(?<![\w-])(?<secret>pul-[a-f0-9]{40})(?![\w-])/,
    maxLength: 44,
    minEntropy: 3,
    references: ['https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/'],
  }),
];
