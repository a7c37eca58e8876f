import { ASSIGN_LOOSE as ASSIGN, onLineWith } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN = 'EAA[A-Za-z0-9]{80,400}';
const CONTEXT = String.raw`facebook|\bfb|instagram|whatsapp|\bmeta[_.-]`;

export const facebookRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'facebook-access-token',
    title: 'Facebook / Meta Graph API access token',
    description:
      'A Meta Graph API access token (EAA…) acts for a user, Page or system user: it can read Page and Instagram data, publish posts or send WhatsApp messages within its permissions. Invalidate it (change the app secret or remove the system user token) and keep tokens in a secret store.',
    // Tokens start with upper-case EAA; matching it exactly skips the `eaa` in hex and colours.
    keywords: ['EAA'],
    caseSensitiveKeywords: true,
    // EAA tokens are long but prefix-poor; a Facebook, Instagram, WhatsApp or Meta name must be on the line.
    pattern: onLineWith(CONTEXT, 'facebook|instagram|whatsapp', TOKEN, String.raw`(?<![\w+/-])`),
    maxLength: 620,
    minEntropy: 4,
    accept: (secret) => secret.startsWith('EAA'),
    references: ['https://developers.facebook.com/docs/facebook-login/guides/access-tokens/'],
  }),
  defineSecretRule({
    id: 'facebook-app-secret',
    title: 'Facebook / Meta app secret',
    description:
      'A Meta app secret signs server calls and issues app access tokens, so it lets anyone act as the app and verify or forge its webhooks. Reset it in the app dashboard under Settings > Basic and keep it in a secret store.',
    keywords: ['facebook', 'fb'],
    pattern: new RegExp(String.raw`(?:facebook|\bfb)[\w.-]{0,20}secret[\w.-]{0,10}${ASSIGN}(?<secret>[0-9a-f]{32})(?![\w-])`, 'i'),
    maxLength: 100,
    minEntropy: 3,
    accept: (secret) => /^[0-9a-f]{32}$/.test(secret),
    references: ['https://developers.facebook.com/docs/facebook-login/security/#appsecret'],
  }),
];
