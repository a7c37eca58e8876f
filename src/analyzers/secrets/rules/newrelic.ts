import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/';

function prefixed(id: string, prefix: string, body: string, title: string, description: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix.toLowerCase()],
    pattern: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}${body})(?![\w-])`),
    maxLength: 48,
    minEntropy: 3,
    references: [DOCS],
  });
}

export const newrelicRules: readonly SecretRule[] = [
  prefixed(
    'newrelic-user-api-key',
    'NRAK-',
    '[A-Z0-9]{27}',
    'New Relic user API key',
    'A New Relic user API key (NRAK-) queries data and changes configuration through NerdGraph with its user’s permissions. Delete it in the API keys UI and keep it in a secret store.',
  ),
  prefixed(
    'newrelic-admin-api-key',
    'NRAA-',
    '[a-f0-9]{27}',
    'New Relic admin API key',
    'A New Relic admin API key (NRAA-) manages account-level settings through the REST API. Delete it in the API keys UI and move automation to user keys with least privilege.',
  ),
  prefixed(
    'newrelic-insights-insert-key',
    'NRII-',
    '[A-Za-z0-9_-]{32}',
    'New Relic Insights insert key',
    'A New Relic Insights insert key (NRII-) writes custom events into the account, where forged data can trigger or hide alerts. Delete the key and send events with a license key kept in a secret store.',
  ),
  prefixed(
    'newrelic-insights-query-key',
    'NRIQ-',
    '[A-Za-z0-9_-]{32}',
    'New Relic Insights query key',
    'A New Relic Insights query key (NRIQ-) runs NRQL queries against all the account’s telemetry. Delete the key and use scoped user keys kept in a secret store.',
  ),
  prefixed(
    'newrelic-browser-api-key',
    'NRJS-',
    '[a-f0-9]{19}',
    'New Relic browser key',
    'A New Relic browser ingest key (NRJS-) reports browser monitoring data to the account; outside the page snippet it lets anyone inject data. Rotate it in the API keys UI if it leaked beyond its intended page.',
  ),
  defineSecretRule({
    id: 'newrelic-license-key',
    title: 'New Relic license (ingest) key',
    description:
      'A New Relic license key (ending NRAL) reports APM, infrastructure and log data to the account. Create a new ingest key, move agents to it, delete the leaked one, and keep keys in environment secrets.',
    keywords: ['nral'],
    pattern: /(?<![A-Za-z0-9])(?<secret>(?:eu01xx[a-f0-9]{30}|[a-f0-9]{36})NRAL)(?![A-Za-z0-9])/,
    maxLength: 44,
    minEntropy: 3,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'newrelic-mobile-app-token',
    title: 'New Relic mobile application token',
    description:
      'A New Relic mobile app token (AA…-NRMA) reports mobile monitoring data to the account. Rotate the token in the mobile app settings if it appears outside the shipped app build.',
    keywords: ['-nrma'],
    pattern: /(?<![A-Za-z0-9])(?<secret>AA[a-f0-9]{40}-NRMA)(?![\w-])/,
    maxLength: 50,
    minEntropy: 3,
    confidence: 'medium',
    references: [DOCS],
  }),
];
