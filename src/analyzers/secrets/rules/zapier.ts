import { defineSecretRule, type SecretRule } from '../rule.js';

/** The hook id must look random (letters and digits), not a word like `orders`. */
function randomHookId(url: string): boolean {
  const id = url.slice(url.lastIndexOf('/') + 1);
  if (/[0-9]/.test(id)) return true;
  const vowels = id.replace(/[^aeiou]/g, '').length;
  return vowels * 3 < id.length;
}

export const zapierRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'zapier-webhook-url',
    title: 'Zapier Catch Hook webhook URL',
    description:
      'A Zapier Catch Hook URL is its own credential: anyone who has it can post data into the Zap and start its actions (emails, CRM records, payments, messages) with whatever input they choose. Replace the trigger in the Zap to get a new URL (or turn the Zap off) and keep the URL in a secret store.',
    keywords: ['hooks.zapier.com/hooks/catch/'],
    pattern: /(?<![\w/.-])(?<secret>https?:\/\/hooks\.zapier\.com\/hooks\/catch\/[0-9]{3,12}\/[a-z0-9]{5,24})(?![A-Za-z0-9])/,
    maxLength: 90,
    minEntropy: 2.5,
    accept: randomHookId,
    references: ['https://help.zapier.com/hc/en-us/articles/8496288690317-Trigger-Zaps-from-webhooks'],
  }),
];
