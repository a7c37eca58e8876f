import { shannonEntropy } from '../engine/entropy.js';
import { onLineWith } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

// Three dot-separated base64url parts: the bot's user id, a timestamp, an HMAC.
const BOT_TOKEN = String.raw`[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`;

export const discordRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'discord-bot-token',
    title: 'Discord bot token',
    description:
      'A Discord bot token logs in as the bot with every permission it holds in every server it has joined: reading and deleting messages, managing members and roles. Reset the token on the application\'s Bot page in the Developer Portal and load it from a secret store.',
    keywords: ['discord', 'bot', 'client.login('],
    // No literal prefix: a Discord name, a `bot` word (`Bot ` scheme, `bot.run(`, BOT_TOKEN) or discord.js's
    // `client.login(` must be on the same line.
    pattern: onLineWith(String.raw`discord|\bbot(?![a-z])|\bclient\.login\(`, 'discord', BOT_TOKEN, String.raw`(?<![\w/+-])`),
    maxLength: 160,
    minEntropy: 3.5,
    // `i` only serves the context words; the token's first character is an upper-case letter.
    accept: (secret) => /^[MNO]/.test(secret),
    // The example token of Discord's API reference.
    allowValues: [/^MTk4NjIyNDgzNDcxOTI1MjQ4\.Cl2FMQ\.ZnCjm1XVW7vRze4b7Cq4se7kKWs$/],
    references: ['https://discord.com/developers/docs/reference#authentication'],
  }),
  defineSecretRule({
    id: 'discord-webhook-url',
    title: 'Discord webhook URL',
    description:
      'A Discord webhook URL carries its own token: anyone holding it can post, edit or delete messages as the webhook in its channel, which is a ready-made phishing channel. Delete the webhook in the channel\'s integrations settings, create a new one and keep its URL secret.',
    keywords: ['discord.com/api', 'discordapp.com/api'],
    pattern:
      /(?<![\w/.-])(?<secret>https:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v[0-9]{1,2})?\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,80})(?![\w-])/,
    maxLength: 180,
    accept: (url) => shannonEntropy(url.slice(url.lastIndexOf('/') + 1)) >= 3.5,
    references: ['https://discord.com/developers/docs/resources/webhook'],
  }),
];
