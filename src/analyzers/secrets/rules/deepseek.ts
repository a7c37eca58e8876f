import { defineSecretRule, type SecretRule } from '../rule.js';

/** `deepseek` in any case, as source text. */
const DEEPSEEK = '[Dd][Ee][Ee][Pp][Ss][Ee][Ee][Kk]';

export const deepseekRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'deepseek-api-key',
    title: 'DeepSeek API key',
    description:
      'A DeepSeek API key calls the DeepSeek chat and reasoning models and spends the account\'s balance. Its sk- plus 32 hex digits shape is shared with other services, so it is only reported with "deepseek" on the same line. Delete it on the API keys page of the DeepSeek platform and keep the new key in a secret store.',
    keywords: ['deepseek'],
    // The bare format is ambiguous: require the provider name within 80 characters before or after, on one line.
    pattern: new RegExp(
      String.raw`(?<![\w-])(?<secret>sk-[0-9a-f]{32})(?![\w-])(?:(?<=${DEEPSEEK}[^\r\n]{0,80}sk-[0-9a-f]{32})|(?=[^\r\n]{0,80}${DEEPSEEK}))`,
    ),
    maxLength: 130,
    minEntropy: 3,
    references: ['https://api-docs.deepseek.com/'],
  }),
];
