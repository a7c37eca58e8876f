import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://docs.pinecone.io/guides/projects/manage-api-keys';

export const pineconeRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'pinecone-api-key',
    title: 'Pinecone API key',
    description:
      'A Pinecone API key (pcsk_) reads, writes and deletes the vectors of every index in its project and, with the default role, manages the indexes themselves. Delete it on the project\'s API keys page in the Pinecone console and keep the replacement in a secret store.',
    keywords: ['pcsk_'],
    // pcsk_<short key id>_<secret>
    pattern: /(?<![\w-])(?<secret>pcsk_[A-Za-z0-9]{4,10}_[A-Za-z0-9]{50,80})(?![\w-])/,
    maxLength: 100,
    minEntropy: 3.5,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'pinecone-legacy-api-key',
    title: 'Pinecone API key (legacy UUID format)',
    description:
      'Older Pinecone projects issued API keys as plain UUIDs; one assigned to a Pinecone setting still grants access to the project\'s indexes. Delete it in the Pinecone console, create a current pcsk_ key and keep it in a secret store.',
    keywords: ['pinecone'],
    pattern: new RegExp(
      String.raw`\bpinecone[\w.-]{0,20}?(?:api[_.-]?)?key[\w-]{0,5}${ASSIGN}(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])`,
      'i',
    ),
    maxLength: 100,
    minEntropy: 3,
    confidence: 'medium',
    references: [DOCS],
  }),
];
