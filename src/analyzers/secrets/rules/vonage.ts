import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

/** Vonage API secrets have at least one lower-case letter, one upper-case letter and one digit. */
function vonageShaped(secret: string): boolean {
  return /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret);
}

export const vonageRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'vonage-api-secret',
    title: 'Vonage (Nexmo) API secret',
    description:
      'A Vonage (formerly Nexmo) API secret, with the account\'s API key, authenticates the SMS, Voice, Verify and Number APIs: it sends messages and places calls at the account\'s expense and can create further secrets. Revoke it in the dashboard under API Settings (or with the secret management API), create a new one and keep it in a secret store.',
    keywords: ['vonage', 'nexmo'],
    // `VONAGE_API_SECRET=…`, `new Vonage({ apiKey: …, apiSecret: '…' })`, `NEXMO_API_SECRET: …`.
    pattern: new RegExp(String.raw`(?:vonage|nexmo)[^\n]{0,60}?secret\w{0,10}${ASSIGN}(?<secret>[A-Za-z0-9]{8,25})(?![\w-])`, 'i'),
    maxLength: 130,
    minEntropy: 2.8,
    accept: vonageShaped,
    references: ['https://developer.vonage.com/account/code-snippets/create-a-secret'],
  }),
];
