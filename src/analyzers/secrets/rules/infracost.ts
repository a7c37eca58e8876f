import { defineSecretRule, type SecretRule } from '../rule.js';

// camelCase words (CSS classes such as ico-chevronDownOutlinedSmallButtonV2) are not keys.
const WORDS = /^[a-z]{2,}(?:[A-Z][a-z]{2,})*[A-Z]?\d{0,3}$/;

export const infracostRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'infracost-api-key',
    title: 'Infracost API key',
    description:
      'An Infracost API key (ico-) authenticates the CLI and CI integration to the Infracost pricing and cloud service for the organization. Rotate it in the Infracost dashboard org settings and keep it in CI secrets.',
    keywords: ['ico-'],
    pattern: /(?<![\w-])(?<secret>ico-[A-Za-z0-9]{32})(?![\w-])/,
    maxLength: 36,
    minEntropy: 3.5,
    accept: (secret) => {
      const body = secret.slice(4);
      return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body) && !WORDS.test(body);
    },
    references: ['https://www.infracost.io/docs/integrations/environment_variables/'],
  }),
];
