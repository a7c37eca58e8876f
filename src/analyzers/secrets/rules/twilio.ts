import { ASSIGN_LOOSE as ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const API_KEY_DOCS = 'https://www.twilio.com/docs/iam/api-keys';
const AUTH_DOCS = 'https://www.twilio.com/docs/iam/credentials/api';
// `=`, `:` or `=>` between a name and its value, with optional quotes around either.

const isLowerHex = (secret: string): boolean => /^[0-9a-f]{32}$/.test(secret);
const isMixedBase62 = (secret: string): boolean => /[a-z]/.test(secret) && /[A-Z]/.test(secret) && /[0-9]/.test(secret);

export const twilioRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'twilio-api-key',
    title: 'Twilio API key SID',
    description:
      'A Twilio API key SID (SK followed by 32 hex digits) names an API key; its secret is usually stored next to it, and the pair authenticates to the whole account. Check for the secret, delete the key in the Twilio Console if it leaked, and keep both in a secret store.',
    // SIDs are upper-case: matching `SK`/`AC` exactly skips every `task`, `disk` and `react`.
    keywords: ['SK'],
    caseSensitiveKeywords: true,
    pattern: /(?<![\w-])(?<secret>SK[0-9a-f]{32})(?![\w-])/,
    maxLength: 40,
    minEntropy: 3,
    confidence: 'medium',
    references: [API_KEY_DOCS],
  }),
  defineSecretRule({
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    description:
      'A Twilio auth token is the account\'s master password for the REST API: it sends SMS and places calls at the account\'s expense and reads message logs. Rotate it in the Twilio Console (promote the secondary token) and move it to a secret store.',
    keywords: ['twilio'],
    pattern: new RegExp(String.raw`twilio[\w.-]{0,30}${ASSIGN}(?<secret>[0-9a-f]{32})(?![\w-])`, 'i'),
    maxLength: 90,
    minEntropy: 3,
    accept: isLowerHex,
    references: [AUTH_DOCS],
  }),
  defineSecretRule({
    id: 'twilio-account-credentials',
    title: 'Twilio account SID with auth token',
    description:
      'An account SID (AC…) written next to a 32-hex auth token, as in basic-auth user:password or a client constructor, is a complete Twilio login. Rotate the auth token in the Twilio Console and read both values from the environment or a secret store.',
    keywords: ['AC'],
    caseSensitiveKeywords: true,
    pattern: /(?<![\w-])AC[0-9a-f]{32}['"]?\s{0,3}[,:]\s{0,3}['"]?(?<secret>[0-9a-f]{32})(?![\w-])/,
    maxLength: 90,
    minEntropy: 3,
    references: [AUTH_DOCS],
  }),
  defineSecretRule({
    id: 'twilio-api-key-secret',
    title: 'Twilio API key secret',
    description:
      'A Twilio API key secret (32 random letters and digits, shown once) authenticates with its SK key SID to the account\'s REST APIs. Delete the API key in the Twilio Console, create a new one and keep the secret in a secret store.',
    keywords: ['twilio', 'Twilio', 'TWILIO', 'SK'],
    caseSensitiveKeywords: true,
    // Either a Twilio-named secret setting, or the value right after an SK key SID (`SK…:secret`).
    pattern: new RegExp(
      String.raw`(?:twilio[\w.-]{0,30}secret[\w.-]{0,12}${ASSIGN}|\bSK[0-9a-f]{32}['"]?\s{0,3}[,:]\s{0,3}['"]?)(?<![\w-])(?<secret>[A-Za-z0-9]{32})(?![\w-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3.5,
    accept: isMixedBase62,
    references: [API_KEY_DOCS],
  }),
];
