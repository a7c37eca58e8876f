import { ASSIGN_LOOSE as ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

// pagerduty after the token: the match then starts at `Token token=`, else at the nearest pagerduty before it.
const FOLLOWS = String.raw`[\w+-]{20}(?![\w+-])[^\n]{0,150}pagerduty`;

export const pagerdutyRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'pagerduty-api-key',
    title: 'PagerDuty REST API key',
    description:
      'A PagerDuty REST API key (account or user token) reads and changes incidents, schedules, escalation policies and users; account keys act across the whole account. Delete it under Integrations > API Access Keys (or the user\'s settings) and keep it in a secret store.',
    keywords: ['pagerduty'],
    // A PagerDuty-named setting, or the `Token token=` scheme with pagerduty on the same line.
    pattern: new RegExp(
      String.raw`(?:pagerduty[\w.-]{0,30}${ASSIGN}(?:token\s{1,3}token=)?|pagerduty(?:(?!pagerduty)[^\n]){0,150}?token\s{1,3}token=(?!${FOLLOWS})|token\s{1,3}token=(?=${FOLLOWS}))(?<secret>[A-Za-z0-9_+-]{20})(?![\w+-])`,
      'i',
    ),
    maxLength: 220,
    minEntropy: 3.5,
    accept: (secret) => /[a-z]/.test(secret) && /[A-Z]/.test(secret),
    references: ['https://support.pagerduty.com/main/docs/api-access-keys'],
  }),
  defineSecretRule({
    id: 'pagerduty-routing-key',
    title: 'PagerDuty Events integration (routing) key',
    description:
      'A PagerDuty Events API integration or routing key opens, acknowledges and resolves incidents on its service, so whoever holds it can page on-call staff or silence real alerts. Regenerate the integration key on the service and keep it in a secret store.',
    keywords: ['pagerduty', 'routing_key'],
    pattern: new RegExp(
      String.raw`(?:pagerduty[\w.-]{0,30}(?:routing|integration|service|events?)[_.-]?key[\w.-]{0,10}|\brouting_key)${ASSIGN}(?<secret>[0-9a-f]{32})(?![\w-])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3,
    accept: (secret) => /^[0-9a-f]{32}$/.test(secret),
    references: ['https://developer.pagerduty.com/docs/events-api-v2/overview/'],
  }),
];
