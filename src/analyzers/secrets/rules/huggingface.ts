import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://huggingface.co/docs/hub/security-tokens';
const mixedCase = (secret: string): boolean => /[a-z]/.test(secret) && /[A-Z]/.test(secret);

export const huggingfaceRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'huggingface-access-token',
    title: 'Hugging Face user access token',
    description:
      'A Hugging Face user access token (hf_) reads, and with write scope pushes to, the user\'s private models, datasets and Spaces, and calls paid inference. Invalidate it under Settings > Access Tokens and keep the new token in a secret store.',
    keywords: ['hf_'],
    pattern: /(?<![\w-])(?<secret>hf_[A-Za-z0-9]{34})(?![\w-])/,
    maxLength: 40,
    minEntropy: 3.5,
    accept: mixedCase,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'huggingface-org-token',
    title: 'Hugging Face organization API token',
    description:
      'A Hugging Face organization API token (api_org_) acts for a whole organization on the Hub, including its private repositories. Revoke it in the organization settings and keep credentials in a secret store.',
    keywords: ['api_org_'],
    pattern: /(?<![\w-])(?<secret>api_org_[A-Za-z0-9]{34})(?![\w-])/,
    maxLength: 45,
    minEntropy: 3.5,
    accept: mixedCase,
    references: [DOCS],
  }),
];
