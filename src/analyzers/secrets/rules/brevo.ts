import { defineSecretRule, type SecretRule } from '../rule.js';

const API_KEY_DOCS = 'https://developers.brevo.com/docs/api-key-authentication';
const SMTP_KEY_DOCS = 'https://help.brevo.com/hc/en-us/articles/7959631848850-Create-and-manage-your-SMTP-keys';

// Brevo (formerly Sendinblue) v3 keys: a type prefix, 64 hex digits, a dash and 16 letters and digits.
export const brevoRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'brevo-api-key',
    title: 'Brevo (Sendinblue) API key',
    description:
      'A Brevo API v3 key (xkeysib-) calls the whole Brevo API for the account: contacts and their personal data, campaigns, transactional email and SMS at the account\'s cost. Delete the key under SMTP & API > API keys, generate a replacement and load it from a secret store.',
    keywords: ['xkeysib-'],
    pattern: /(?<![\w-])(?<secret>xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16})(?![\w-])/,
    maxLength: 100,
    minEntropy: 3.2,
    references: [API_KEY_DOCS],
  }),
  defineSecretRule({
    id: 'brevo-smtp-key',
    title: 'Brevo (Sendinblue) SMTP key',
    description:
      'A Brevo SMTP key (xsmtpsib-) is the password for the Brevo SMTP relay: with the account\'s SMTP login it sends mail from the account\'s senders and domains, which makes convincing phishing easy. Delete or deactivate the key under SMTP & API > SMTP, create a new one and keep it in a secret store.',
    keywords: ['xsmtpsib-'],
    pattern: /(?<![\w-])(?<secret>xsmtpsib-[0-9a-f]{64}-[A-Za-z0-9]{16})(?![\w-])/,
    maxLength: 100,
    minEntropy: 3.2,
    references: [SMTP_KEY_DOCS, 'https://developers.brevo.com/docs/smtp-integration'],
  }),
];
