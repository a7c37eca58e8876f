import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://docs.datadoghq.com/account_management/api-app-keys/';
const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;
const CONTEXT = String.raw`(?<![A-Za-z0-9])(?:datadog|dd)[\w.-]{0,20}`;

export const datadogRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'datadog-api-key',
    title: 'Datadog API key',
    description:
      'A Datadog API key submits metrics, logs, traces and events to the organization and, with an application key, reaches the whole API. Revoke it under Organization Settings > API Keys and deliver keys through a secret store.',
    keywords: ['datadog', 'dd_', 'dd-', 'dd.', 'ddapi'],
    pattern: new RegExp(CONTEXT + String.raw`api[_.-]?key[\w.-]{0,10}` + SEP + String.raw`(?<secret>[a-f0-9]{32})(?![a-z0-9])`, 'i'),
    maxLength: 100,
    minEntropy: 2.8,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'datadog-app-key',
    title: 'Datadog application key',
    description:
      'A Datadog application key, paired with an API key, reads and changes dashboards, monitors and data with its owner’s permissions. Revoke it under Organization Settings > Application Keys and prefer scoped keys from a secret store.',
    keywords: ['datadog', 'dd_', 'dd-', 'dd.', 'ddapp'],
    pattern: new RegExp(
      CONTEXT + String.raw`(?:app|application)[_.-]?key[\w.-]{0,10}` + SEP + String.raw`(?<secret>[a-f0-9]{40})(?![a-z0-9])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3,
    references: [DOCS],
  }),
];
