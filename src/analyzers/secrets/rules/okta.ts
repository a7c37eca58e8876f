import { onLineWith } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN = '00[A-Za-z0-9_-]{40}';

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
