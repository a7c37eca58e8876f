import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://dev.mailjet.com/email/guides/';

// Mailjet authenticates with HTTP basic auth: the API key (32 hex) is the user, the secret key (32 hex) the password.
export const mailjetRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'mailjet-secret-key',
    title: 'Mailjet API secret key',
    description:
      'A Mailjet secret key is the password half of a Mailjet API key pair: with the public key it sends email and SMS from the account, reads contact lists and changes account settings. Regenerate the secret under Account settings > API key management and keep it in a secret store.',
    keywords: ['mailjet', 'mj_apikey_private', 'mj_api_secret'],
    pattern: new RegExp(
      String.raw`(?:mailjet[\w.-]{0,30}(?:secret|private)[\w.-]{0,12}|\bmj_apikey_private|\bmj_api_secret(?:_key)?)${ASSIGN}(?<secret>[0-9a-f]{32})(?![\w-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'mailjet-credentials',
    title: 'Mailjet API key and secret pair',
    description:
      'A Mailjet API key and secret written together (curl -u key:secret, a client constructor) on a line that names Mailjet are a complete login to the Mailjet API. Regenerate the secret key in the Mailjet account, then pass both values through the environment or a secret store.',
    keywords: ['mailjet'],
    // `key:secret` or `"key", "secret"`, with Mailjet named before or after it on the same line.
    pattern:
      /(?:(?<=mailjet[^\n]{0,120})|(?=[0-9a-f]{32}['"]?\s{0,3}[:,]\s{0,3}['"]?[0-9a-f]{32}[^\n]{0,120}mailjet))(?<![\w-])[0-9a-f]{32}['"]?\s{0,3}[:,]\s{0,3}['"]?(?<secret>[0-9a-f]{32})(?![\w-])/i,
    maxLength: 260,
    minEntropy: 3,
    references: [DOCS],
  }),
];
