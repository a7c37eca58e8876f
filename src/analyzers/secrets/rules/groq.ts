import { defineSecretRule, type SecretRule } from '../rule.js';

export const groqRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'groq-api-key',
    title: 'Groq API key',
    description:
      'A Groq API key (gsk_) calls the GroqCloud inference API with the organisation\'s quota and billing. Delete it in the GroqCloud console under API Keys and keep the new key in a secret store.',
    keywords: ['gsk_'],
    pattern: /(?<![\w-])(?<secret>gsk_[A-Za-z0-9]{52})(?![\w-])/,
    maxLength: 60,
    minEntropy: 3.5,
    references: ['https://console.groq.com/docs/quickstart'],
  }),
];
