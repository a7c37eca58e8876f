import { ASSIGN_LOOSE as ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';


export const twitterRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'twitter-bearer-token',
    title: 'X (Twitter) app bearer token',
    description:
      'An X (Twitter) app-only bearer token calls the X API as the app: it searches and reads posts and users and spends the app\'s paid quota. Regenerate it in the X developer portal under Keys and tokens and keep it in a secret store.',
    keywords: ['aaaaaaaaaaaaaaaaaaaa'],
    // Runs of A (zero bytes in base64) start the token; the secret reported is the random part after them.
    // It needs its URL-encoded "=" (%3D) or an X/bearer word before it, to skip zero-filled base64 blobs.
    pattern:
      /(?:(?:twitter|Twitter|TWITTER|bearer|Bearer|BEARER)(?:(?!twitter|Twitter|TWITTER|bearer|Bearer|BEARER)[^\n]){0,60}?(?<![\w%+/-])(?!A{20,24}[A-Za-z0-9%]{20,160}%3D)|(?<![\w%+/-])(?=A{20,24}[A-Za-z0-9%]{20,160}%3D))A{20,24}(?:[B-Za-z0-9][A-Za-z0-9]{0,23}?A{4,12})?(?<secret>[B-Za-z0-9%][A-Za-z0-9%]{40,160})(?![\w%-])/,
    maxLength: 260,
    minEntropy: 4,
    // The sample bearer token of X's developer documentation.
    allowValues: [/^0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F$/],
    references: ['https://developer.x.com/en/docs/authentication/oauth-2-0/bearer-tokens'],
  }),
  defineSecretRule({
    id: 'twitter-api-secret',
    title: 'X (Twitter) API key secret or access token secret',
    description:
      'An X (Twitter) consumer secret or access token secret signs OAuth 1.0a requests: with its key it posts, reads direct messages or deletes content as the app or account. Regenerate it in the X developer portal and keep it in a secret store.',
    keywords: ['twitter'],
    pattern: new RegExp(String.raw`twitter[\w.-]{0,30}secret[\w.-]{0,10}${ASSIGN}(?<secret>[A-Za-z0-9]{45,50})(?![\w-])`, 'i'),
    maxLength: 120,
    minEntropy: 4,
    accept: (secret) => /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret),
    references: ['https://developer.x.com/en/docs/authentication/oauth-1-0a/api-key-and-secret'],
  }),
];
