import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN = '00[A-Za-z0-9_-]{40}';

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

export const oktaRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'okta-api-token',
    title: 'Okta API token',
    description:
      'An Okta API token (SSWS scheme) acts with the admin permissions of the user who created it: it can read and change users, groups, applications and policies of the org. Revoke it in the Admin Console under Security > API > Tokens and keep it in a secret store.',
    keywords: ['okta', 'ssws'],
    // Okta tokens are 42 characters starting 00; an Okta name or the SSWS scheme must be on the same line.
    pattern: onLineWith(String.raw`okta|\bssws`, 'okta', TOKEN, String.raw`(?<![\w/+-])`),
    maxLength: 180,
    minEntropy: 3.5,
    accept: (secret) => /[a-z]/.test(secret) && /[A-Z]/.test(secret),
    references: ['https://developer.okta.com/docs/guides/create-an-api-token/main/'],
  }),
];
