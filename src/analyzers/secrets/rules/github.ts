import { hasCrc32Base62Suffix } from '../checks/checksum.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats';

function classicToken(id: string, prefix: string, title: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description: `A GitHub ${title.replace(/^GitHub /, '').toLowerCase()} grants API access as its owner; revoke it in GitHub settings and use a secret store.`,
    keywords: [prefix],
    pattern: new RegExp(`\\b(?<secret>${prefix}[A-Za-z0-9]{36})\\b`),
    maxLength: 60,
    minEntropy: 3,
    // The last six characters are a CRC32 of the random part: a string that fails it is not a token.
    accept: (secret) => hasCrc32Base62Suffix(secret.slice(prefix.length)),
    references: [TOKEN_DOCS],
  });
}

export const githubRules: readonly SecretRule[] = [
  classicToken('github-pat', 'ghp_', 'GitHub personal access token'),
  classicToken('github-oauth-token', 'gho_', 'GitHub OAuth access token'),
  classicToken('github-user-to-server-token', 'ghu_', 'GitHub App user-to-server token'),
  classicToken('github-server-to-server-token', 'ghs_', 'GitHub App installation token'),
  classicToken('github-refresh-token', 'ghr_', 'GitHub App refresh token'),
  defineSecretRule({
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    description: 'A fine-grained GitHub personal access token grants repository access as its owner; revoke it in GitHub settings.',
    keywords: ['github_pat_'],
    pattern: /\b(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b/,
    maxLength: 100,
    minEntropy: 3,
    references: [TOKEN_DOCS],
  }),
];
