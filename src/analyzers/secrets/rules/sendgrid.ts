import { defineSecretRule, type SecretRule } from '../rule.js';

export const sendgridRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    description:
      'A SendGrid API key (SG.<id>.<secret>) sends mail from the account\'s verified domains and, with full access, manages users, templates and other keys. Delete it under Settings > API Keys, issue a key with only the scopes needed and keep it in a secret store.',
    keywords: ['sg.'],
    pattern: /(?<![\w.-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![\w-])/,
    maxLength: 80,
    minEntropy: 3.5,
    references: ['https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys'],
  }),
];
