import { defineSecretRule, type SecretRule } from '../rule.js';

/** `elevenlabs` / `eleven_labs` / `eleven-labs` or the `xi-api-key` header name, in any case, as source text. */
const CONTEXT = '(?:[Ee][Ll][Ee][Vv][Ee][Nn][_ -]?[Ll][Aa][Bb][Ss]|[Xx][Ii]-[Aa][Pp][Ii]-[Kk][Ee][Yy])';

export const elevenlabsRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'elevenlabs-api-key',
    title: 'ElevenLabs API key',
    description:
      'An ElevenLabs API key (sk_ plus 48 hex digits, sent as xi-api-key) generates speech, clones voices and reads the account\'s history within its permissions, using the account\'s credits. The sk_ shape is not unique to ElevenLabs, so it is only reported with "elevenlabs" or "xi-api-key" on the same line. Delete the key under API Keys in the ElevenLabs settings and keep the new one in a secret store.',
    keywords: ['elevenlabs', 'eleven_labs', 'eleven-labs', 'xi-api-key'],
    pattern: new RegExp(
      String.raw`(?<![\w-])(?<secret>sk_[0-9a-f]{48})(?![\w-])(?:(?<=${CONTEXT}[^\r\n]{0,80}sk_[0-9a-f]{48})|(?=[^\r\n]{0,80}${CONTEXT}))`,
    ),
    maxLength: 150,
    minEntropy: 3,
    references: ['https://elevenlabs.io/docs/api-reference/authentication'],
  }),
];
