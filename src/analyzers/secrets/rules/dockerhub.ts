import { defineSecretRule, type SecretRule } from '../rule.js';

const PAT_DOCS = 'https://docs.docker.com/security/access-tokens/';
const OAT_DOCS = 'https://docs.docker.com/enterprise/security/access-tokens/';

// Docker config.json "auth" entries are covered by http-auth-docker-config.

export const dockerhubRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'dockerhub-pat',
    title: 'Docker Hub personal access token',
    description:
      'A Docker Hub personal access token signs in as its user to pull and push images (within its access scope) and call the Hub API. Revoke it under Account settings > Personal access tokens and keep the replacement in a secret store.',
    keywords: ['dckr_pat_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>dckr_pat_[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])/,
    maxLength: 40,
    minEntropy: 3,
    references: [PAT_DOCS],
  }),
  defineSecretRule({
    id: 'dockerhub-oat',
    title: 'Docker Hub organization access token',
    description:
      'A Docker Hub organization access token pulls and pushes the repositories of an organization it was granted, without a user. An organization owner should revoke it under Admin Console > Access tokens and keep the replacement in a secret store.',
    keywords: ['dckr_oat_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>dckr_oat_[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/,
    maxLength: 55,
    minEntropy: 3,
    references: [OAT_DOCS],
  }),
];
