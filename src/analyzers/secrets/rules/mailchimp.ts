import { defineSecretRule, type SecretRule } from '../rule.js';

export const mailchimpRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'mailchimp-api-key',
    title: 'Mailchimp Marketing API key',
    description:
      'A Mailchimp Marketing API key (32 hex digits and a -usNN data-centre suffix) reads and changes audiences, subscriber data and campaigns, and can send campaigns. Revoke it under Profile > Extras > API keys and keep the new key in a secret store.',
    keywords: ['-us'],
    pattern: /(?<![\w-])(?<secret>[0-9a-f]{32}-us[0-9]{1,2})(?![\w-]|\.[A-Za-z0-9])/,
    maxLength: 40,
    minEntropy: 3,
    references: ['https://mailchimp.com/developer/marketing/guides/quick-start/'],
  }),
  defineSecretRule({
    id: 'mailchimp-transactional-api-key',
    title: 'Mailchimp Transactional (Mandrill) API key',
    description:
      'A Mailchimp Transactional (Mandrill) API key sends email from the account\'s sending domains and reads message content and activity. Delete it in the Transactional settings, create a new key and keep it in a secret store.',
    keywords: ['mandrill', 'transactional'],
    pattern:
      /(?:mandrill|mailchimp[\w.-]{0,20}transactional)[\w.-]{0,30}['"]?\s{0,3}(?:=>|[:=(,])\s{0,3}(?:\w{1,20}\s{0,3}=\s{0,3})?['"]?(?<secret>(?:md-)?[A-Za-z0-9_-]{22})(?![\w-])/i,
    maxLength: 120,
    minEntropy: 3.5,
    // Old keys have no prefix: then the value must look like a random key, not a word.
    accept: (secret) => secret.startsWith('md-') || (/[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret)),
    references: ['https://mailchimp.com/developer/transactional/guides/quick-start/'],
  }),
];
