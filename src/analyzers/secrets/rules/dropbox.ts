import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN = String.raw`sl\.(?:[A-Za-z]\.)?[A-Za-z0-9_-]{100,1400}`;

/**
 * `token` with a context word on its line. The match starts at the token when a context word follows it, else at
 * the nearest context word before it: every overlapping chunk that sees the line then agrees on where the match starts.
 */
function onLineWith(before: string, after: string, token: string, lead = String.raw`(?<![\w-])`, reach = 80): RegExp {
  const follows = String.raw`${token}(?![\w-])[^\n]{0,120}(?:${after})`;
  return new RegExp(
    String.raw`(?:(?:${before})(?:(?!(?:${before}))[^\n]){0,${reach}}?${lead}(?!${follows})|(?=${follows})${lead})(?<secret>${token})(?![\w-])`,
    'i',
  );
}

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
