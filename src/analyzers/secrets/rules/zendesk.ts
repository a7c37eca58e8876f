import { ASSIGN_LOOSE as ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

// `user@x.com/token:TOKEN` in basic auth, or `("user@x.com/token", "TOKEN")` as a client's auth pair.
const TOKEN_SEP = String.raw`(?::|['"]\s{0,3},\s{0,3}['"])`;
// zendesk after the token: the match then starts at `/token`, else at the nearest zendesk before it.
const FOLLOWS = String.raw`[A-Za-z0-9]{40}(?![\w-])[^\n]{0,150}zendesk`;

export const zendeskRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'zendesk-api-token',
    title: 'Zendesk API token',
    description:
      'A Zendesk API token, used with an agent\'s e-mail as user/token, reads and changes tickets, users and organisations with that agent\'s role, often an admin. Delete it in Admin Center under Apps and integrations > Zendesk API and keep it in a secret store.',
    keywords: ['zendesk'],
    // A Zendesk-named setting, or the `<email>/token` basic-auth user with zendesk on the line.
    pattern: new RegExp(
      String.raw`(?:zendesk[\w.-]{0,30}${ASSIGN}|zendesk(?:(?!zendesk)[^\n]){0,150}?\/token${TOKEN_SEP}(?!${FOLLOWS})|\/token${TOKEN_SEP}(?=${FOLLOWS}))(?<secret>[A-Za-z0-9]{40})(?![\w-])`,
      'i',
    ),
    maxLength: 220,
    minEntropy: 3.5,
    accept: (secret) => /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret),
    references: ['https://developer.zendesk.com/api-reference/introduction/security-and-auth/'],
  }),
];
