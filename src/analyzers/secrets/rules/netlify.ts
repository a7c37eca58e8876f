import { defineSecretRule, type SecretRule } from '../rule.js';

const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;
const mixed = (secret: string): boolean => /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret);

export const netlifyRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'netlify-access-token',
    title: 'Netlify access token',
    description:
      'A Netlify access token (nfp_ personal, nfc_ CLI, nfo_ OAuth, nfu_ app, nfb_ build) deploys sites and reads their environment variables for its user. Revoke it under User settings > Applications and keep it in CI secrets.',
    keywords: ['nfp_', 'nfc_', 'nfo_', 'nfu_', 'nfb_'],
    pattern: /(?<![\w-])(?<secret>nf[pcoub]_[A-Za-z0-9_-]{36})(?![\w-])/,
    maxLength: 40,
    minEntropy: 3.5,
    accept: (secret) => mixed(secret.slice(4)),
    references: ['https://docs.netlify.com/api/get-started/#authentication'],
  }),
  defineSecretRule({
    id: 'netlify-legacy-token',
    title: 'Netlify access token (unprefixed format)',
    description:
      'An older, unprefixed Netlify personal access token deploys sites and reads their environment variables for its user. Revoke it under User settings > Applications; new tokens carry an nfp_ prefix.',
    keywords: ['netlify'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])netlify[\w.-]{0,20}(?:token|key|secret|pat)[\w.-]{0,10}` +
        SEP +
        String.raw`(?!nf[pcoub]_)(?<secret>[A-Za-z0-9_-]{40,46})(?![\w-])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3.8,
    accept: mixed,
    references: ['https://docs.netlify.com/api/get-started/#authentication'],
  }),
];
