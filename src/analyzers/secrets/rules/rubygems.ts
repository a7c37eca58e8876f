import { defineSecretRule, type SecretRule } from '../rule.js';

export const rubygemsRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'rubygems-api-key',
    title: 'RubyGems API key',
    description:
      'A RubyGems.org API key pushes, yanks and manages gems and owners within its scopes. Revoke it at rubygems.org under Settings > API keys, and use trusted publishing or a CI secret for the replacement.',
    keywords: ['rubygems_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>rubygems_[0-9a-f]{48})(?![A-Za-z0-9_-])/,
    maxLength: 64,
    minEntropy: 3,
    references: ['https://guides.rubygems.org/api-key-scopes/'],
  }),
];
