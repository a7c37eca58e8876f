import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://docs.metamask.io/developer-tools/dashboard/how-to/secure-an-api/api-key-secret';
const DESCRIPTION =
  'An Infura API key secret is the password that goes with an Infura API key (project ID): with it, requests pass the secret requirement and can override allowlists, spending the account\'s request quota and paid credits. Regenerate the secret in the MetaMask Developer (Infura) dashboard and keep it server-side in a secret store.';

export const infuraRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'infura-api-key-secret',
    title: 'Infura API key secret',
    description: DESCRIPTION,
    keywords: ['infura'],
    // `INFURA_API_KEY_SECRET=…`, `INFURA_PROJECT_SECRET: …`, `infuraSecret = '…'`.
    pattern: new RegExp(String.raw`infura[^\n]{0,40}?secret\w{0,10}${ASSIGN}(?<secret>[0-9a-f]{32})(?![\w-])`, 'i'),
    maxLength: 120,
    minEntropy: 3,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'infura-url-credentials',
    title: 'Infura endpoint URL with API key secret',
    description: DESCRIPTION,
    keywords: ['infura.io'],
    // `https://<key>:<secret>@ipfs.infura.io:5001`, `wss://:<secret>@mainnet.infura.io/ws/v3/<key>`.
    pattern: /(?<![\w.+-])(?:https?|wss?):\/\/(?:[0-9a-f]{32})?:(?<secret>[0-9a-f]{32})@[a-z0-9-]{2,40}\.infura\.io(?![\w-])/,
    maxLength: 140,
    minEntropy: 3,
    references: [DOCS],
  }),
];
