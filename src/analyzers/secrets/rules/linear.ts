import { defineSecretRule, type SecretRule } from '../rule.js';

export const linearRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'linear-api-key',
    title: 'Linear personal API key',
    description:
      'A Linear personal API key (lin_api_) calls the GraphQL API as its user: it reads and edits issues, projects and comments in the workspace. Revoke it under Settings > Security & access and keep the new key in a secret store.',
    keywords: ['lin_api_'],
    pattern: /(?<![\w-])(?<secret>lin_api_[A-Za-z0-9]{40})(?![\w-])/,
    maxLength: 50,
    minEntropy: 3.5,
    references: ['https://linear.app/developers/graphql#personal-api-keys'],
  }),
  defineSecretRule({
    id: 'linear-oauth-token',
    title: 'Linear OAuth access token',
    description:
      'A Linear OAuth access token (lin_oauth_) acts for the user who authorised the application, with the scopes they granted. Revoke it through the OAuth revoke endpoint or the workspace\'s authorized applications and keep tokens in a secret store.',
    keywords: ['lin_oauth_'],
    pattern: /(?<![\w-])(?<secret>lin_oauth_[0-9a-f]{64})(?![\w-])/,
    maxLength: 80,
    minEntropy: 3,
    references: ['https://linear.app/developers/oauth-2-0-authentication'],
  }),
];
