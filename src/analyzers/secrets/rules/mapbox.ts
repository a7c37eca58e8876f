import { defineSecretRule, type SecretRule } from '../rule.js';

export const mapboxRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'mapbox-secret-token',
    title: 'Mapbox secret access token',
    description:
      'A Mapbox secret token (sk.) carries private scopes such as uploading tilesets, editing styles, reading statistics or managing tokens, unlike the public pk. tokens meant for browsers. Delete it on the account\'s Tokens page and keep secret tokens on the server, in a secret store.',
    keywords: ['sk.eyj'],
    pattern: /(?<![\w.-])(?<secret>sk\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,40})(?![\w.-])/,
    maxLength: 360,
    minEntropy: 3.5,
    references: ['https://docs.mapbox.com/accounts/guides/tokens/'],
  }),
];
