import { onLineWith } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN = String.raw`sl\.(?:[A-Za-z]\.)?[A-Za-z0-9_-]{100,1400}`;

export const dropboxRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'dropbox-access-token',
    title: 'Dropbox short-lived access token',
    description:
      'A Dropbox access token (sl.) reads and writes the files of the linked account or team folder with the app\'s scopes until it expires. Revoke it with /2/auth/token/revoke or by unlinking the app, and keep refresh tokens in a secret store.',
    keywords: ['dropbox'],
    pattern: onLineWith('dropbox', 'dropbox', TOKEN, String.raw`(?<![\w./+-])`),
    maxLength: 1700,
    minEntropy: 4,
    accept: (secret) => secret.startsWith('sl.'),
    references: ['https://developers.dropbox.com/oauth-guide'],
  }),
];
