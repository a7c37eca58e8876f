import { ASSIGN, WELL_KNOWN_HASHES } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const CLI_DOCS = 'https://docs.wandb.ai/models/ref/cli/wandb-login';
const KEY_DOCS = 'https://docs.wandb.ai/support/models/articles/why-does-my-api-key-fail-with-must-be-40-characters';

export const weightsandbiasesRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'weightsandbiases-api-key',
    title: 'Weights & Biases API key',
    description:
      'A Weights & Biases API key (wandb_v1_…) logs runs and artifacts and reads or deletes every project its user or service account can reach; it has no scopes and no expiry. Delete it under User Settings → API Keys (or on the service account) and keep the replacement in a secret store or WANDB_API_KEY in the CI environment.',
    keywords: ['wandb_v1_'],
    // wandb_v1_<key id>_<secret>
    pattern: /(?<![\w-])(?<secret>wandb_v1_[A-Za-z0-9]{20,40}_[A-Za-z0-9]{40,70})(?![\w-])/,
    maxLength: 125,
    minEntropy: 3.5,
    references: [CLI_DOCS, KEY_DOCS],
  }),
  defineSecretRule({
    id: 'weightsandbiases-legacy-api-key',
    title: 'Weights & Biases API key (legacy 40-hex format)',
    description:
      'Legacy Weights & Biases API keys are 40 hex digits with no prefix and stay valid until deleted. One assigned to WANDB_API_KEY, passed to wandb login or wandb.login(key=…) gives full access to the user\'s projects. Delete it under User Settings → API Keys and read the new key from the environment or a secret store.',
    keywords: ['wandb'],
    pattern: new RegExp(
      String.raw`\bwandb(?:[\w.-]{0,20}?(?:api[_.-]?)?key[\w-]{0,5}${ASSIGN}|[ \t]{1,4}login(?:[ \t]{1,4}--?[\w-]{1,20}){0,3}[ \t]{1,4}|\.login\([ \t]{0,4}(?:key[ \t]{0,2}=[ \t]{0,2})?['"])(?<secret>[0-9a-f]{40})(?![\w-])`,
      'i',
    ),
    maxLength: 130,
    minEntropy: 3,
    allowValues: WELL_KNOWN_HASHES,
    references: [KEY_DOCS],
  }),
];
