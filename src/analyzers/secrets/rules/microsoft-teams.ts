import { defineSecretRule, type SecretRule } from '../rule.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HOST = String.raw`(?:[a-z0-9-]{1,63}\.webhook\.office\.com\/webhookb2|outlook\.office(?:365)?\.com\/webhook(?:b2)?)`;

export const microsoftTeamsRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'microsoft-teams-webhook-url',
    title: 'Microsoft Teams incoming webhook URL',
    description:
      'A Microsoft Teams incoming webhook URL lets anyone who has it post cards and messages into the channel, with no sign-in. Remove the Incoming Webhook connector from the channel (or move to a Workflows webhook), create a new URL and keep it in a secret store.',
    keywords: ['incomingwebhook'],
    pattern: new RegExp(
      String.raw`(?<![\w/.-])(?<secret>https:\/\/${HOST}\/${UUID}@${UUID}\/IncomingWebhook\/[0-9a-f]{32}\/${UUID}(?:\/V2[A-Za-z0-9_-]{20,120})?)(?![\w-])`,
    ),
    maxLength: 360,
    minEntropy: 3,
    references: ['https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook'],
  }),
];
