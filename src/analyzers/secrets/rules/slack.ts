import { shannonEntropy } from '../engine/entropy.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN_DOCS = 'https://docs.slack.dev/authentication/tokens';
const ROTATION_DOCS = 'https://docs.slack.dev/authentication/using-token-rotation';
const WEBHOOK_DOCS = 'https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks';
const WORKFLOW_DOCS = 'https://slack.com/help/articles/360041352714-Build-a-workflow--Create-a-workflow-that-starts-outside-of-Slack';

/** The random last path segment of a webhook URL must look random, not like `XXXX` or `abcd1234`. */
function randomTail(url: string): boolean {
  const tail = url.slice(url.lastIndexOf('/') + 1);
  return /[0-9]/.test(tail) && /[A-Za-z]/.test(tail) && shannonEntropy(tail) >= 3;
}

export const slackRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'slack-bot-token',
    title: 'Slack bot token',
    description:
      'A Slack bot token (xoxb-) lets anyone call the Web API as the app\'s bot user in that workspace: read channels it is in, post messages, upload files. Revoke it from the app\'s OAuth settings (or reinstall the app) and keep the new one in a secret store.',
    keywords: ['xoxb-'],
    pattern: /(?<![\w-])(?<secret>xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{24})(?![\w-])/,
    maxLength: 80,
    minEntropy: 3,
    // The bot token of Slack's OAuth documentation examples.
    allowValues: [/^xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy$/],
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'slack-user-token',
    title: 'Slack user token',
    description:
      'A Slack user token (xoxp-) acts as the person who installed the app, with every user scope granted to it, including reading private conversations. Revoke it with auth.revoke or from the app settings and load the replacement from a secret store.',
    keywords: ['xoxp-'],
    pattern: /(?<![\w-])(?<secret>xoxp-[0-9]{7,14}-[0-9]{7,14}-[0-9]{7,14}-[A-Za-z0-9]{28,34})(?![\w-])/,
    maxLength: 100,
    minEntropy: 3,
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'slack-workspace-token',
    title: 'Slack workspace app token',
    description:
      'A Slack workspace app token (xoxa-) from the retired workspace-apps programme still grants the workspace-wide scopes it was issued with. Revoke it, migrate the app to granular bot tokens and keep credentials out of the code.',
    keywords: ['xoxa-'],
    pattern: /(?<![\w-])(?<secret>xoxa-(?:2-)?[0-9]{7,14}-[0-9]{7,14}-(?:[0-9]{7,14}-)?(?:[0-9a-f]{32}|[A-Za-z0-9]{24}))(?![\w-])/,
    maxLength: 110,
    minEntropy: 3,
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'slack-app-level-token',
    title: 'Slack app-level token',
    description:
      'A Slack app-level token (xapp-) opens Socket Mode connections and other app-wide APIs for every workspace the app is installed in. Regenerate it on the app\'s Basic Information page and store it outside the repository.',
    keywords: ['xapp-'],
    pattern: /(?<![\w-])(?<secret>xapp-[0-9]-A[A-Z0-9]{8,12}-[0-9]{10,14}-[A-Za-z0-9]{64})(?![\w-])/,
    maxLength: 110,
    minEntropy: 3,
    references: [TOKEN_DOCS],
  }),
  defineSecretRule({
    id: 'slack-refresh-token',
    title: 'Slack refresh token',
    description:
      'A Slack refresh token (xoxe-1-) mints new access tokens for a rotating bot, user or app-configuration token, so it outlives every access token it produces. Revoke the installation\'s tokens, rotate, and keep refresh tokens only in a secret store.',
    keywords: ['xoxe-'],
    pattern: /(?<![\w.-])(?<secret>xoxe-[0-9]-[A-Za-z0-9]{40,250})(?![\w-])/,
    maxLength: 270,
    minEntropy: 3.5,
    references: [ROTATION_DOCS, 'https://docs.slack.dev/reference/methods/tooling.tokens.rotate'],
  }),
  defineSecretRule({
    id: 'slack-expiring-access-token',
    title: 'Slack rotating access or configuration token',
    description:
      'A Slack token with the xoxe. prefix is a rotating bot or user access token, or an app configuration token for the App Manifest API; while valid it acts with the full scopes of its owner. Revoke it and rely on the refresh flow with secrets kept in a store.',
    keywords: ['xoxe.xoxp-', 'xoxe.xoxb-'],
    pattern: /(?<![\w-])(?<secret>xoxe\.xox[bp]-[0-9]-[A-Za-z0-9]{60,300})(?![\w-])/,
    maxLength: 330,
    minEntropy: 3.5,
    references: [ROTATION_DOCS, 'https://docs.slack.dev/app-manifests/configuring-apps-with-app-manifests'],
  }),
  defineSecretRule({
    id: 'slack-webhook-url',
    title: 'Slack incoming webhook URL',
    description:
      'A Slack incoming webhook URL needs no other credential: whoever has it can post messages, including convincing phishing, into the channel it is bound to. Remove the webhook in the app settings, create a new one and keep the URL in a secret store.',
    keywords: ['hooks.slack.com/services'],
    pattern: /(?<![\w/.-])(?<secret>https?:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24})(?![A-Za-z0-9])/,
    maxLength: 110,
    accept: randomTail,
    references: [WEBHOOK_DOCS],
  }),
  defineSecretRule({
    id: 'slack-workflow-webhook-url',
    title: 'Slack workflow webhook URL',
    description:
      'A Slack workflow or trigger webhook URL starts a Workflow Builder workflow with caller-supplied variables, with no other authentication. Delete and recreate the trigger, then keep the new URL in a secret store.',
    keywords: ['hooks.slack.com/workflows', 'hooks.slack.com/triggers'],
    pattern: /(?<![\w/.-])(?<secret>https?:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{8,12}\/(?:A[A-Z0-9]{8,12}\/)?[0-9]{8,20}\/[A-Za-z0-9]{24,40})(?![A-Za-z0-9])/,
    maxLength: 150,
    accept: randomTail,
    references: [WORKFLOW_DOCS, 'https://docs.slack.dev/tools/deno-slack-sdk/guides/creating-webhook-triggers'],
  }),
];
