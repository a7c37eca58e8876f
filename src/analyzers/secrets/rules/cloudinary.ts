import { shannonEntropy } from '../engine/entropy.js';
import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://cloudinary.com/documentation/finding_your_credentials_tutorial';
const CONFIG_DOCS = 'https://cloudinary.com/documentation/sdks/php/Cloudinary/Configuration/CloudConfig.html';

/** An API secret is random base64url: both letter cases and enough entropy, not a word or a setting name. */
function randomSecret(secret: string): boolean {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && shannonEntropy(secret) >= 3.5;
}

export const cloudinaryRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'cloudinary-url',
    title: 'Cloudinary URL with API secret',
    description:
      'A CLOUDINARY_URL (cloudinary://<api key>:<api secret>@<cloud name>) configures the SDKs with the product environment\'s API key and secret: upload, overwrite and delete media, and sign delivery URLs. Revoke the key pair under Settings > API Keys, generate a new one and keep the URL in a secret store.',
    keywords: ['cloudinary://'],
    // The whole URL is the secret: it is the longer, more specific span than the password alone.
    pattern: /(?<![\w.+-])(?<secret>cloudinary:\/\/[0-9]{12,18}:[A-Za-z0-9_-]{20,40}@[A-Za-z0-9_-]{1,64})(?![\w-])/,
    maxLength: 140,
    minEntropy: 3,
    accept: (url) => randomSecret(url.slice(url.indexOf(':', 13) + 1, url.lastIndexOf('@'))),
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'cloudinary-api-secret',
    title: 'Cloudinary API secret',
    description:
      'A Cloudinary API secret, with its API key, authenticates Admin and Upload API calls and signs requests for the product environment: it can replace or delete every asset. Revoke the key pair under Settings > API Keys, create a new one and load the secret from a secret store.',
    keywords: ['cloudinary'],
    // `CLOUDINARY_API_SECRET=…`, or `cloudinary.config(…, api_secret='…')` on one line.
    pattern: new RegExp(String.raw`cloudinary[^\n]{0,120}?secret\w{0,10}${ASSIGN}(?<secret>[A-Za-z0-9_-]{24,32})(?![\w-])`, 'i'),
    maxLength: 200,
    minEntropy: 3.5,
    accept: randomSecret,
    references: [DOCS, CONFIG_DOCS],
  }),
];
