import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';


export const adyenRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'adyen-api-key',
    title: 'Adyen API key',
    description:
      'An Adyen API key (AQE…) authenticates a web service user to the Checkout, Payments and Management APIs: it can take and refund payments and read transaction data within the roles of that user. Generate a new key for the API credential in the Customer Area, delete the old one and keep the key in a secret store.',
    keywords: ['aqe'],
    // <base64 with the account data>-<base64 32 bytes>=-<16 printable characters>
    pattern: /(?<![A-Za-z0-9+/_-])(?<secret>AQE[A-Za-z0-9+/]{50,200}={0,2}-[A-Za-z0-9+/]{43}=(?:-[\x21-\x7e]{16})?)(?![A-Za-z0-9+/=])/,
    maxLength: 290,
    minEntropy: 4,
    references: ['https://docs.adyen.com/development-resources/api-credentials/'],
  }),
  defineSecretRule({
    id: 'adyen-hmac-key',
    title: 'Adyen webhook HMAC key',
    description:
      'An Adyen HMAC key verifies that webhooks (payment results, refunds, chargebacks) come from Adyen; its holder can forge notifications the integration will trust. Generate a new HMAC key for the webhook in the Customer Area and keep it in a secret store.',
    keywords: ['adyen'],
    pattern: new RegExp(`\\badyen[\\w.-]{0,30}?hmac[\\w-]{0,10}${ASSIGN}(?<secret>[0-9A-F]{64})(?![0-9A-Za-z_-])`, 'i'),
    maxLength: 120,
    minEntropy: 3,
    references: ['https://docs.adyen.com/development-resources/webhooks/verify-hmac-signatures/'],
  }),
];
