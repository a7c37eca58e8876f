import { defineSecretRule, type SecretRule } from '../rule.js';

// Name, then `=`, `:`, `=>`, a call's `(` or `,`, an optional keyword argument, quotes and `Bearer `.
const ASSIGN = String.raw`['"]?\s{0,3}(?:=>|[:=(,])\s{0,3}(?:\w{1,24}\s{0,3}[:=]\s{0,3})?['"]?(?:bearer\s{1,3})?`;

export const mistralRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'mistral-api-key',
    title: 'Mistral AI API key',
    description:
      'A Mistral AI API key calls la Plateforme\'s models and agents for its workspace and bills usage there. Revoke it in the Mistral console under API Keys and keep the new key in a secret store.',
    keywords: ['mistral'],
    // The key has no prefix: it must be the value of a Mistral-named setting or client argument.
    pattern: new RegExp(String.raw`mistral[\w.-]{0,30}${ASSIGN}(?<secret>[A-Za-z0-9]{32})(?![\w-])`, 'i'),
    maxLength: 120,
    minEntropy: 3.5,
    accept: (secret) => /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret),
    references: ['https://docs.mistral.ai/getting-started/quickstart/'],
  }),
];
