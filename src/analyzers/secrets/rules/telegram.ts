import { onLineWith } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const TOKEN = String.raw`[0-9]{6,12}:[A-Za-z0-9_-]{35}`;

export const telegramRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    description:
      'A Telegram bot token is the whole credential of a bot: it reads every update sent to the bot and sends messages in its name. Revoke it with /revoke in a chat with @BotFather and keep the new token in a secret store.',
    keywords: ['telegram', 'bot', 'tg_', 'tg-', 'updater('],
    // Bot id, colon, 35 random characters; a Telegram or bot word must be on the same line, before or after.
    pattern: onLineWith(String.raw`telegram|bot(?![a-z])|\btg[_-]|\bupdater\(`, 'telegram', TOKEN, '(?<![0-9])', 40),
    maxLength: 160,
    minEntropy: 3.5,
    references: ['https://core.telegram.org/bots/api#authorizing-your-bot'],
  }),
];
