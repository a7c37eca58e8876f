import { defineSecretRule, type SecretRule } from '../rule.js';

export const contentfulRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'contentful-personal-access-token',
    title: 'Contentful management token',
    description:
      'A Contentful personal access token (CFPAT-) calls the Content Management API as its user: it creates, changes, publishes and deletes content and content models in every space they can reach. Revoke it under Account settings > CMA tokens and keep it in a secret store.',
    keywords: ['cfpat-'],
    pattern: /(?<![\w-])(?<secret>CFPAT-[A-Za-z0-9_-]{43})(?![\w-])/,
    maxLength: 55,
    minEntropy: 3.5,
    references: ['https://www.contentful.com/developers/docs/references/authentication/#the-content-management-api'],
  }),
];
