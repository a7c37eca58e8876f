import { defineSecretRule, type SecretRule } from '../rule.js';

const API_KEY_DOCS = 'https://cloud.google.com/docs/authentication/api-keys';
const OAUTH_DOCS = 'https://developers.google.com/identity/protocols/oauth2';
const SA_KEY_DOCS = 'https://cloud.google.com/iam/docs/keys-create-delete';

export const gcpRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'gcp-api-key',
    title: 'Google API key',
    description:
      'A Google Cloud / Google Maps / Firebase API key bills and authorizes calls to the APIs it is enabled for. Restrict or delete the key in the Cloud console credentials page, create a restricted replacement, and keep it out of source.',
    keywords: ['aiza'],
    pattern: /(?<![\w-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![\w-])/,
    maxLength: 39,
    minEntropy: 3.8,
    // The key embedded in Google Maps Platform code samples.
    allowValues: [/^AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe$/],
    references: [API_KEY_DOCS],
  }),
  defineSecretRule({
    id: 'gcp-oauth-client-secret',
    title: 'Google OAuth client secret',
    description:
      'A Google OAuth 2.0 client secret lets anyone run OAuth flows as your application. Reset the secret of the OAuth client in the Cloud console and store the new one in a secret manager.',
    keywords: ['gocspx-'],
    pattern: /(?<![\w-])(?<secret>GOCSPX-[0-9A-Za-z_-]{28})(?![\w-])/,
    maxLength: 35,
    minEntropy: 3.5,
    references: [OAUTH_DOCS],
  }),
  defineSecretRule({
    id: 'gcp-oauth-access-token',
    title: 'Google OAuth access token',
    description:
      'A Google OAuth access token (ya29.) calls Google APIs with the scopes granted to it until it expires. Revoke it at oauth2.googleapis.com/revoke and avoid logging or committing tokens.',
    keywords: ['ya29.'],
    pattern: /(?<![\w.-])(?<secret>ya29\.[0-9A-Za-z_-][0-9A-Za-z_.-]{28,2046}[0-9A-Za-z_-])(?![\w-])/,
    maxLength: 2060,
    minEntropy: 3.5,
    references: [OAUTH_DOCS],
  }),
  defineSecretRule({
    id: 'gcp-oauth-refresh-token',
    title: 'Google OAuth refresh token',
    description:
      'A Google OAuth refresh token (1//0…) mints new access tokens for the user who granted it, without expiry. Revoke it (or the app grant in the Google account) and store refresh tokens encrypted.',
    keywords: ['1//0'],
    pattern: /(?<![\w/:.-])(?<secret>1\/\/0[0-9A-Za-z_-]{40,300})(?![\w-])/,
    maxLength: 310,
    minEntropy: 3.8,
    references: [OAUTH_DOCS],
  }),
  defineSecretRule({
    id: 'gcp-service-account-key',
    title: 'Google Cloud service account key file',
    description:
      'A service account JSON key file (identified by its private_key_id) authenticates as that service account. Delete the key in IAM, review its use in audit logs, and prefer workload identity over key files.',
    keywords: ['private_key_id'],
    pattern: /["']?private_key_id["']?\s{0,4}[:=]\s{0,4}["']?(?<secret>[0-9a-f]{40})(?![0-9A-Za-z])/,
    maxLength: 70,
    minEntropy: 3,
    references: [SA_KEY_DOCS],
  }),
];
