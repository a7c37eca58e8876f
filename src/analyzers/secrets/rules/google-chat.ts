import { shannonEntropy } from '../engine/entropy.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

/** The `token` parameter is the secret part (the `key` is the same for every webhook): it must look random. */
function randomToken(url: string): boolean {
  const token = (url.split('token=')[1] ?? '').replace(/(?:%3D|=)+$/i, '');
  return /[A-Z]/.test(token) && /[a-z]/.test(token) && shannonEntropy(token) >= 3.8;
}

export const googleChatRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'google-chat-webhook-url',
    title: 'Google Chat incoming webhook URL',
    description:
      'A Google Chat incoming webhook URL lets anyone who has it post messages and cards into the space, no sign-in needed, which makes it a phishing channel inside the organisation. Delete the webhook under the space\'s Apps & integrations, create a new one and keep the URL in a secret store.',
    keywords: ['chat.googleapis.com/v1/spaces/'],
    // The whole URL is the secret; it also covers the Google API key in it, so one finding per webhook.
    pattern:
      /(?<![\w/.-])(?<secret>https:\/\/chat\.googleapis\.com\/v1\/spaces\/[A-Za-z0-9_-]{6,30}\/messages\?(?:threadKey=[\w.-]{1,64}&)?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_-]{40,64}(?:%3D|=){0,2})(?![\w%-])/,
    maxLength: 260,
    minEntropy: 3,
    accept: randomToken,
    references: ['https://developers.google.com/workspace/chat/quickstart/webhooks'],
  }),
];
