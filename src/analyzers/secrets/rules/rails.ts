import { defineSecretRule, type SecretRule } from '../rule.js';

export const railsRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'rails-secret-key-base',
    title: 'Rails secret_key_base',
    description:
      'Rails derives the keys for signed and encrypted cookies and messages from secret_key_base: whoever has it can forge sessions. Generate a new one with `bin/rails secret` and keep it in encrypted credentials or the environment.',
    keywords: ['secret_key_base'],
    pattern: /secret_key_base['"\]]{0,2}\s{0,3}(?:=>|[:=])\s{0,3}['"]?(?<secret>[0-9a-f]{32,256})(?![0-9A-Za-z])/i,
    maxLength: 300,
    minEntropy: 3,
    references: ['https://guides.rubyonrails.org/security.html#custom-credentials'],
  }),
];
