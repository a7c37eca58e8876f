import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://devcenter.heroku.com/articles/authentication';
const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;
const UUID = String.raw`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`;

export const herokuRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'heroku-api-key',
    title: 'Heroku API key',
    description:
      'A Heroku API key (HRKU-) drives the Platform API as its user: deploys, config vars (with their secrets), add-ons and databases. Regenerate it in Account settings or revoke the authorization, and use scoped OAuth authorizations in CI.',
    keywords: ['hrku-'],
    // Real keys carry a run of five underscores at offset 49 (`…Q_____w…`), which the engine's placeholder
    // filter (five identical characters) would reject: the secret is the 49-character head before it.
    pattern: /(?<![\w-])(?<secret>HRKU-AA[A-Za-z0-9_-]{42})[A-Za-z0-9_-]{16}(?![\w-])/,
    maxLength: 65,
    minEntropy: 3.5,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'heroku-legacy-api-key',
    title: 'Heroku API key (legacy UUID format)',
    description:
      'A legacy UUID-shaped Heroku API key or OAuth token gives Platform API access as its user. Regenerate the key or revoke the authorization (heroku authorizations:revoke) and keep the replacement in a secret store.',
    keywords: ['heroku'],
    pattern: new RegExp(
      String.raw`(?:(?<![A-Za-z0-9])heroku[\w.-]{0,25}(?:api[_.-]?key|key|token|secret|password|auth[_.-]?token)[\w.-]{0,6}` +
        SEP +
        String.raw`|api\.heroku\.com\s{1,4}login\s{1,4}\S{1,100}\s{1,4}password\s{1,4})(?<secret>${UUID})(?![\w-])`,
      'i',
    ),
    maxLength: 200,
    minEntropy: 3,
    // The token printed in Heroku's Platform API quickstart.
    allowValues: [/^cf0e05d9-4eca-4948-a012-b91fe9704bab$/],
    references: [DOCS, 'https://devcenter.heroku.com/articles/platform-api-quickstart'],
  }),
];
