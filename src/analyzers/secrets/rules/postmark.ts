import { defineSecretRule, type SecretRule } from '../rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const postmarkRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'postmark-api-token',
    title: 'Postmark server or account token',
    description:
      'A Postmark server token sends email through that server and reads its messages and bounces; an account token manages every server, domain and sender signature. Regenerate the token in the Postmark API Tokens tab and keep it in a secret store.',
    keywords: ['postmark'],
    // A Postmark-named setting, header or client constructor directly followed by a UUID; message ids are excluded.
    pattern: new RegExp(
      String.raw`postmark(?![\w.-]{0,40}(?:message|msg))[\w.-]{0,40}['"]?\s{0,3}(?:=>|[:=(,])\s{0,3}(?:\w{1,24}\s{0,3}[:=]\s{0,3})?['"]?(?<secret>${UUID})(?![\w-])`,
      'i',
    ),
    maxLength: 140,
    minEntropy: 3,
    references: ['https://postmarkapp.com/developer/api/overview#authentication'],
  }),
];
