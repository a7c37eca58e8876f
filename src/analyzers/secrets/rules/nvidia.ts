import { defineSecretRule, type SecretRule } from '../rule.js';

export const nvidiaRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'nvidia-api-key',
    title: 'NVIDIA API key (build.nvidia.com / NGC)',
    description:
      'An NVIDIA API key (nvapi-) calls NVIDIA-hosted NIM inference endpoints and, depending on the services chosen when it was made, pulls from the NGC catalog and nvcr.io. Revoke or rotate it on the API keys page at build.nvidia.com or in NGC, and keep the new key in a secret store.',
    keywords: ['nvapi-'],
    pattern: /(?<![\w-])(?<secret>nvapi-[A-Za-z0-9_-]{64})(?![\w-])/,
    maxLength: 75,
    minEntropy: 3.5,
    references: ['https://docs.nvidia.com/nemo/retriever/latest/extraction/api-keys/index.html'],
  }),
];
