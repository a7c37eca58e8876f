import { defineSecretRule, type SecretRule } from '../rule.js';

const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

export const linodeRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'linode-pat',
    title: 'Linode (Akamai Cloud) personal access token',
    description:
      'A Linode personal access token calls the Linode API with its scopes: compute instances, volumes, DNS, object storage keys and billing. Revoke it in Cloud Manager under API Tokens and keep it in a secret store.',
    keywords: ['linode'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])linode[\w.-]{0,25}(?:token|pat|key|secret)[\w.-]{0,10}` +
        SEP +
        String.raw`(?<secret>[a-f0-9]{64})(?![a-z0-9])`,
      'i',
    ),
    maxLength: 140,
    minEntropy: 3.2,
    references: ['https://techdocs.akamai.com/linode-api/reference/get-started'],
  }),
];
