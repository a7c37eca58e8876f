import { defineSecretRule, type SecretRule } from '../rule.js';

const KEYS_DOCS = 'https://platform.openai.com/docs/api-reference/authentication';
const ADMIN_DOCS = 'https://platform.openai.com/docs/api-reference/administration';

function prefixedKey(id: string, prefix: string, title: string, description: string, docs: string): SecretRule {
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix],
    pattern: new RegExp(String.raw`(?<![\w-])(?<secret>${prefix}[A-Za-z0-9_-]{40,250})(?![\w-])`),
    maxLength: 270,
    minEntropy: 3.5,
    references: [docs],
  });
}

export const openaiRules: readonly SecretRule[] = [
  prefixedKey(
    'openai-project-key',
    'sk-proj-',
    'OpenAI project API key',
    'An OpenAI project API key (sk-proj-) calls the OpenAI API within its project and bills usage to the organisation; depending on its permissions it also reads files, assistants and fine-tunes. Revoke it on the project\'s API keys page and keep the new key in a secret store.',
    KEYS_DOCS,
  ),
  prefixedKey(
    'openai-service-account-key',
    'sk-svcacct-',
    'OpenAI service account key',
    'An OpenAI service account key (sk-svcacct-) is a project credential not tied to a person, typically used by servers and CI, and bills its usage to the organisation. Delete or rotate the service account key in the project settings and inject it from a secret store.',
    KEYS_DOCS,
  ),
  prefixedKey(
    'openai-admin-key',
    'sk-admin-',
    'OpenAI admin API key',
    'An OpenAI admin key (sk-admin-) manages the organisation itself: users, invites, projects, API keys and audit logs. Revoke it in the organisation\'s admin keys settings at once and keep admin keys in a secret store with narrow access.',
    ADMIN_DOCS,
  ),
  defineSecretRule({
    id: 'openai-api-key',
    title: 'OpenAI API key',
    description:
      'An OpenAI user API key (sk-…, with the T3BlbkFJ marker inside) calls the API as the user who made it, and its usage is billed to the organisation. Revoke it on the API keys page, replace it with a project key and keep that in a secret store.',
    keywords: ['t3blbkfj'],
    // T3BlbkFJ is base64 for "OpenAI"; project, service-account and admin keys have their own rules.
    pattern: /(?<![\w-])(?<secret>sk-(?!proj-|svcacct-|admin-|ant-)[A-Za-z0-9_-]{16,150}T3BlbkFJ[A-Za-z0-9_-]{16,150})(?![\w-])/,
    maxLength: 310,
    minEntropy: 3.5,
    references: [KEYS_DOCS],
  }),
];
