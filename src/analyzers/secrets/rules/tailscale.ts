import { defineSecretRule, type SecretRule } from '../rule.js';

export const tailscaleRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'tailscale-key',
    title: 'Tailscale auth, API or OAuth client key',
    description:
      'A Tailscale key joins machines to the tailnet or drives its admin API; revoke it under Settings → Keys in the admin console and issue an ephemeral, tagged key from a secret store.',
    keywords: ['tskey-'],
    pattern: /\b(?<secret>tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{6,24}-[A-Za-z0-9]{20,64})\b/,
    maxLength: 110,
    minEntropy: 3.5,
    references: ['https://tailscale.com/kb/1085/auth-keys'],
  }),
];
