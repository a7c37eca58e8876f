import { onLineWith } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication';
const isLower = (secret: string): boolean => secret === secret.toLowerCase();

export const mailgunRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'mailgun-api-key',
    title: 'Mailgun API key (key- format)',
    description:
      'A Mailgun private API key of the older key-<hex> form sends mail from every domain of the account and reads its logs, routes and suppressions. Create a replacement key under API Security, delete this one and keep the key in a secret store.',
    keywords: ['mailgun', 'mg_'],
    // A Mailgun name (or the usual MG_ env prefix) before the key, or api.mailgun.net after it, on the same line.
    pattern: onLineWith(String.raw`mailgun|\bmg_`, 'mailgun', 'key-[0-9a-f]{32}'),
    maxLength: 180,
    minEntropy: 3,
    accept: isLower,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'mailgun-private-api-key',
    title: 'Mailgun API key',
    description:
      'A current-format Mailgun API key (32 hex digits, then two groups of 8) authenticates to the Mailgun API with the role it was given, up to full account control. Delete it in the Mailgun dashboard, issue a new key and load it from a secret store.',
    keywords: ['mailgun', 'mg_'],
    pattern: onLineWith(String.raw`mailgun|\bmg_`, 'mailgun', '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}'),
    maxLength: 200,
    minEntropy: 3,
    accept: isLower,
    references: [DOCS, 'https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials'],
  }),
];
