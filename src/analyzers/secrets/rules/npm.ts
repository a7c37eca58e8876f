import { hasCrc32Base62Suffix } from '../checks/checksum.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://docs.npmjs.com/about-access-tokens';

// .npmrc _authToken, _auth and _password values are covered by the http-auth rules (generic, so an
// npm_ token in an .npmrc is still reported once, by npm-access-token).

export const npmRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'npm-access-token',
    title: 'npm access token',
    description:
      'An npm access token (npm_…, with a CRC32 check) publishes, unpublishes or installs packages as its user or within its granular scopes. Revoke it at npmjs.com under Access Tokens (or with npm token revoke) and keep the replacement in the CI secret store.',
    keywords: ['npm_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_-])/,
    maxLength: 50,
    minEntropy: 3,
    accept: (secret) => hasCrc32Base62Suffix(secret.slice(4)),
    references: [TOKEN_DOCS, 'https://github.blog/2021-09-23-announcing-npms-new-access-token-format/'],
  }),
];
