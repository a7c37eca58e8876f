import { defineSecretRule, type SecretRule } from '../rule.js';

// Name, then `=`, `:`, `=>`, or a call `(`/`({` with an optional `token:` argument, quotes and `Bearer `.
const ASSIGN = String.raw`['"]?\s{0,3}(?:=>|[:=(])\s{0,3}\{?\s{0,3}(?:\w{1,24}['"]?\s{0,3}[:=]\s{0,3})?['"]?(?:bearer\s{1,3})?`;

export const intercomRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'intercom-access-token',
    title: 'Intercom access token',
    description:
      'An Intercom access token reads and changes the workspace\'s contacts, conversations and articles through the REST API, which exposes customer messages and personal data. Revoke it in the Developer Hub (or uninstall the app) and keep it in a secret store.',
    keywords: ['intercom'],
    // No prefix: the token (base64, usually ending in "=") must be the value of an Intercom-named setting.
    pattern: new RegExp(String.raw`intercom(?![\w.-]{0,30}(?:hash|_id\b|app_?id|url|path|secret))[\w.-]{0,30}${ASSIGN}(?<secret>[A-Za-z0-9+/_-]{40,100}={0,2})(?![\w+/=-])`, 'i'),
    maxLength: 160,
    minEntropy: 3.8,
    accept: (secret) =>
      /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) && !secret.startsWith('/') && (secret.match(/\//g) ?? []).length <= 3,
    references: ['https://developers.intercom.com/docs/build-an-integration/learn-more/authentication'],
  }),
];
