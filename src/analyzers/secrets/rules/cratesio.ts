import { defineSecretRule, type SecretRule } from '../rule.js';

export const cratesioRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'cratesio-api-token',
    title: 'crates.io API token',
    description:
      'A crates.io API token publishes new crate versions, yanks them and changes owners within its scopes. Revoke it at crates.io under Account Settings > API Tokens, and prefer trusted publishing or a CI secret for the replacement.',
    keywords: ['cio'],
    pattern: /(?<![A-Za-z0-9_+/-])(?<secret>cio[A-Za-z0-9]{32})(?![A-Za-z0-9_+/=-])/,
    maxLength: 40,
    minEntropy: 3.5,
    // Random base62 has every character class; a word or identifier that happens to start with "cio" rarely does.
    accept: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret.slice(3)) && /[0-9]/.test(secret),
    references: ['https://doc.rust-lang.org/cargo/reference/registry-web-api.html#authentication'],
  }),
];
