import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const FORMATS = 'https://sourcegraph.com/docs/dev/security/secret_formats';
const TOKENS = 'https://sourcegraph.com/docs/cli/how-tos/creating-an-access-token';

export const sourcegraphRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'sourcegraph-access-token',
    title: 'Sourcegraph access token',
    description:
      'A Sourcegraph access token (sgp_, with or without an instance identifier or the word local) calls the GraphQL and REST APIs as the user who made it, with read access to every repository that user can search; a site-admin:sudo token can act as any user. Revoke it under Settings → Access tokens on the instance and keep the new token in a secret store.',
    keywords: ['sgp_'],
    // v3: sgp_<16 hex instance id | local>_<40 hex>; v2: sgp_<40 hex>.
    pattern: /(?<![\w-])(?<secret>sgp_(?:(?:[0-9a-fA-F]{16}|local)_)?[0-9a-fA-F]{40})(?![\w-])/,
    maxLength: 70,
    minEntropy: 3,
    references: [FORMATS, TOKENS],
  }),
  defineSecretRule({
    id: 'sourcegraph-legacy-access-token',
    title: 'Sourcegraph access token (legacy, unprefixed)',
    description:
      'Tokens made before Sourcegraph added the sgp_ prefix are 40 hex digits and still work. One assigned to SRC_ACCESS_TOKEN or a Sourcegraph token setting grants API access as its user. Revoke it on the instance and replace it with a new token held in a secret store.',
    keywords: ['src_access_token', 'sourcegraph'],
    pattern: new RegExp(
      String.raw`\b(?:src_access_token|sourcegraph[\w.-]{0,20}?(?:access[_.-]?)?token)[\w-]{0,5}${ASSIGN}(?<secret>[0-9a-f]{40})(?![\w-])`,
      'i',
    ),
    maxLength: 110,
    minEntropy: 3,
    confidence: 'medium',
    references: [FORMATS],
  }),
  defineSecretRule({
    id: 'sourcegraph-service-token',
    title: 'Sourcegraph subscription, license or gateway token',
    description:
      'Sourcegraph backend tokens (sgs_ enterprise subscription, slk_ license key token, sgd_ dotcom user gateway token) are derived from a license or account and authenticate an instance or user to Sourcegraph-run services such as the Cody gateway. Ask Sourcegraph to rotate the license or token and keep it out of source control.',
    keywords: ['sgs_', 'slk_', 'sgd_'],
    pattern: /(?<![\w-])(?<secret>(?:sgs|slk|sgd)_[0-9a-fA-F]{64})(?![\w-])/,
    maxLength: 75,
    minEntropy: 3,
    references: [FORMATS],
  }),
];
