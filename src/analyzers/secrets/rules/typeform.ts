import { defineSecretRule, type SecretRule } from '../rule.js';

export const typeformRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'typeform-personal-access-token',
    title: 'Typeform personal access token',
    description:
      'A Typeform personal access token (tfp_) reads forms and all their responses, which often contain personal data, and can create or delete forms and webhooks within its scopes. Delete it under Account > Personal tokens and keep the new token in a secret store.',
    keywords: ['tfp_'],
    pattern: /(?<![\w-])(?<secret>tfp_[A-Za-z0-9][A-Za-z0-9_.=-]{39,63})(?![\w.=-])/,
    maxLength: 75,
    minEntropy: 3.5,
    references: ['https://www.typeform.com/developers/get-started/personal-access-token/'],
  }),
];
