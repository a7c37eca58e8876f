import { ASSIGN, WELL_KNOWN_HASHES } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

export const sparkpostRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'sparkpost-api-key',
    title: 'SparkPost API key',
    description:
      'A SparkPost API key (40 hex digits) sends mail through the account and, depending on its grants, reads message events, recipient lists and templates or manages sending domains. Delete it under Configuration > API Keys, create a key with only the grants needed and keep it in a secret store.',
    keywords: ['sparkpost'],
    // A SparkPost-named setting or constructor argument, or an Authorization header on a line calling the SparkPost API.
    pattern: new RegExp(
      String.raw`(?:sparkpost[\w.-]{0,30}(?:${ASSIGN}|\(\s{0,3}['"]?)|authorization['"]?\s{0,3}:\s{0,3}['"]?(?=[0-9a-f]{40}[^\n]{0,200}sparkpost))(?<secret>[0-9a-f]{40})(?![\w-])`,
      'i',
    ),
    maxLength: 260,
    minEntropy: 3,
    // The API key printed in SparkPost's API reference.
    allowValues: [...WELL_KNOWN_HASHES, /^14ac5499cfdd2bb2859e4476d2e5b1d2bad079bf$/i],
    references: ['https://developers.sparkpost.com/api/'],
  }),
];
