import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://vercel.com/docs/accounts/access-tokens';
const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;
const mixed = (secret: string): boolean => /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret);

export const vercelRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'vercel-access-token',
    title: 'Vercel access token or API key',
    description:
      'A Vercel credential (vcp_ personal, vci_ integration, vca_/vcr_ app access and refresh, vck_ API key) deploys projects and reads their environment variables within its scope. Delete it on the Tokens page and keep it in CI secrets.',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    pattern: /(?<![\w-])(?<secret>vc[pikar]_[A-Za-z0-9_-]{40,80})(?![\w-])/,
    maxLength: 84,
    minEntropy: 3.8,
    accept: (secret) => mixed(secret.slice(4)),
    references: [DOCS, 'https://vercel.com/changelog/new-token-formats-and-secret-scanning'],
  }),
  defineSecretRule({
    id: 'vercel-legacy-token',
    title: 'Vercel access token (unprefixed format)',
    description:
      'An older 24-character Vercel access token deploys projects and reads environment variables for its account or team. Delete it on the Tokens page and create a scoped replacement stored in CI secrets.',
    keywords: ['vercel', 'zeit'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?:vercel|zeit)[\w.-]{0,20}(?:token|key|secret)[\w.-]{0,10}` +
        SEP +
        String.raw`(?<secret>[A-Za-z0-9]{24})(?![\w-])`,
      'i',
    ),
    maxLength: 90,
    minEntropy: 3.3,
    accept: mixed,
    references: [DOCS],
  }),
];
