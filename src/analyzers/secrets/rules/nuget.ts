import { defineSecretRule, type SecretRule } from '../rule.js';

export const nugetRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'nuget-api-key',
    title: 'NuGet.org API key',
    description:
      'A NuGet.org API key pushes new packages and versions, or unlists them, for the packages and glob patterns it is scoped to. Delete or regenerate it at nuget.org under API Keys and keep the replacement in the CI secret store.',
    keywords: ['oy2'],
    pattern: /(?<![A-Za-z0-9_+/-])(?<secret>oy2[a-z0-9]{43})(?![A-Za-z0-9_+/=-])/,
    maxLength: 50,
    minEntropy: 3.5,
    references: ['https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys'],
  }),
];
