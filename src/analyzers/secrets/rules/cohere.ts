import { defineSecretRule, type SecretRule } from '../rule.js';

// Name, then `=`, `:`, `=>`, a call's `(` or `,`, an optional keyword argument, quotes and `Bearer `.
const ASSIGN = String.raw`['"]?\s{0,3}(?:=>|[:=(,])\s{0,3}(?:\w{1,24}\s{0,3}[:=]\s{0,3})?['"]?(?:bearer\s{1,3})?`;

export const cohereRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'cohere-api-key',
    title: 'Cohere API key',
    description:
      'A Cohere API key calls Cohere\'s generation, embedding and rerank models; a production key bills usage to the account. Delete it on the API keys page of the Cohere dashboard and keep the replacement in a secret store.',
    keywords: ['cohere', 'co_api_key'],
    // The key has no prefix: it must be the value of a Cohere-named setting or client argument.
    pattern: new RegExp(String.raw`(?:cohere|\bco_api_key)[\w.-]{0,30}${ASSIGN}(?<secret>[A-Za-z0-9]{40})(?![\w-])`, 'i'),
    maxLength: 130,
    minEntropy: 3.5,
    accept: (secret) => /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret),
    references: ['https://docs.cohere.com/docs/rate-limits'],
  }),
];
