import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://pypi.org/help/#apitoken';

export const pypiRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'pypi-upload-token',
    title: 'PyPI API token',
    description:
      'A PyPI API token (a macaroon for pypi.org) uploads new releases of every project of its user, or of one project when scoped. Revoke it under Account settings > API tokens, and prefer trusted publishing or a secret store for the replacement.',
    keywords: ['pypi-ageichlwas5vcmc'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/,
    maxLength: 1030,
    minEntropy: 4,
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'pypi-test-upload-token',
    title: 'TestPyPI API token',
    description:
      'A TestPyPI API token (a macaroon for test.pypi.org) uploads releases to the test index as its user. Revoke it in the TestPyPI account settings; it is often a sign that the real PyPI token is kept the same way.',
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/,
    maxLength: 1040,
    minEntropy: 4,
    references: [TOKEN_DOCS, 'https://test.pypi.org/help/#apitoken'],
  }),
];
