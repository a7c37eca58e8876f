import { shannonEntropy } from '../engine/entropy.js';
import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

// PayPal does not publish the length of REST credentials; client ids (A…) and secrets (E…) seen in the wild
// are about 80 characters of letters, digits, `_` and `-`. The value must sit next to a PayPal-named setting,
// or follow a client id in `id:secret` on a line that names PayPal (curl -u … https://api-m.paypal.com/…).
const CHARS = '[A-Za-z0-9_-]';

function randomSecret(secret: string): boolean {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret) && shannonEntropy(secret) >= 4;
}

export const paypalRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'paypal-client-secret',
    title: 'PayPal REST API client secret',
    description:
      'A PayPal REST client secret, exchanged with its client id for OAuth access tokens, lets the holder act as the app on the merchant account: create and capture orders, issue refunds and payouts, read transactions. Generate a new secret for the app under Apps & Credentials in the PayPal developer dashboard, disable the old one and keep it in a secret store.',
    keywords: ['paypal'],
    pattern: new RegExp(
      String.raw`(?:paypal[^\n]{0,60}?secret\w{0,10}${ASSIGN}|(?:(?<=paypal[^\n]{0,150})|(?=${CHARS}{70,90}:${CHARS}{70,90}[^\n]{0,150}paypal))(?<![\w-])A${CHARS}{69,89}:)(?<secret>${CHARS}{70,90})(?![\w-])`,
      'i',
    ),
    maxLength: 360,
    minEntropy: 4,
    accept: randomSecret,
    references: ['https://developer.paypal.com/api/rest/', 'https://developer.paypal.com/api/rest/authentication/'],
  }),
];
