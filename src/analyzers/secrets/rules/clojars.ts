import { defineSecretRule, type SecretRule } from '../rule.js';

export const clojarsRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'clojars-deploy-token',
    title: 'Clojars deploy token',
    description:
      'A Clojars deploy token deploys artifacts to Clojars as its user, for all of the user\'s groups or the group or artifact it is scoped to. Disable it at clojars.org/tokens and keep the replacement in the CI secret store.',
    keywords: ['clojars_'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>CLOJARS_[A-Za-z0-9]{60})(?![A-Za-z0-9_-])/,
    maxLength: 72,
    minEntropy: 3,
    references: ['https://github.com/clojars/clojars-web/wiki/Deploy-Tokens'],
  }),
];
