import { defineSecretRule, type SecretRule } from '../rule.js';

const API_KEY_DOCS = 'https://yandex.cloud/en/docs/iam/concepts/authorization/api-key';
const IAM_DOCS = 'https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token';
const OAUTH_DOCS = 'https://yandex.cloud/en/docs/iam/concepts/authorization/oauth-token';

export const yandexRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'yandex-api-key',
    title: 'Yandex Cloud API key',
    description:
      'A Yandex Cloud API key (AQVN…) authenticates as its service account with that account’s roles, without expiry. Delete the key in the service account settings and keep replacements in Lockbox or another secret store.',
    keywords: ['aqvn'],
    pattern: /(?<![\w-])(?<secret>AQVN[A-Za-z0-9_-]{35,38})(?![\w-])/,
    maxLength: 44,
    minEntropy: 3.5,
    references: [API_KEY_DOCS],
  }),
  defineSecretRule({
    id: 'yandex-iam-token',
    title: 'Yandex Cloud IAM token',
    description:
      'A Yandex Cloud IAM token (t1.) authenticates as its user or service account for up to 12 hours. Revoke it with `yc iam revoke-token`, and request tokens at run time rather than storing them.',
    keywords: ['t1.'],
    pattern: /(?<![\w.-])(?<secret>t1\.[A-Za-z0-9_-]{20,800}={0,2}\.[A-Za-z0-9_-]{86}={0,2})(?![\w.=-])/,
    maxLength: 900,
    minEntropy: 4,
    references: [IAM_DOCS],
  }),
  defineSecretRule({
    id: 'yandex-oauth-token',
    title: 'Yandex OAuth token',
    description:
      'A Yandex OAuth token (y0_…) acts for the Yandex account that issued it, including obtaining Yandex Cloud IAM tokens, for up to a year. Revoke it in the Yandex ID security settings and prefer service account keys.',
    keywords: ['y0_', 'y1_', 'y2_', 'y3_'],
    // The head (y0_AgAAAAA…) encodes ids with zero bytes and runs of `A`s that the engine's placeholder
    // filter would reject; the secret is the random tail of the token.
    pattern: /(?<![\w-])y[0-3]_[A-Za-z0-9_-]{24,34}(?<secret>[A-Za-z0-9_-]{26})(?![\w-])/,
    maxLength: 64,
    minEntropy: 3.5,
    accept: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret),
    references: [OAUTH_DOCS],
  }),
];
