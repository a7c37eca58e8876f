import { defineSecretRule, type SecretRule } from '../rule.js';

const VAULT_DOCS = 'https://developer.hashicorp.com/vault/docs/concepts/tokens';
const TFC_DOCS = 'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens';
const SEP = String.raw`["'\x60]?\s{0,4}(?::=|=>|[:=,])\s{0,4}["'\x60]?`;

function vaultToken(id: string, prefix: string, title: string, description: string, max: number): SecretRule {
  const escaped = prefix.replace('.', '\\.');
  // Batch tokens start with a run of `A`s (hvb.AAAAAQ…) that the engine's placeholder filter would reject:
  // there the secret is the part after the run.
  const secret =
    prefix === 'hvb.'
      ? String.raw`${escaped}(?:A{5,8})?(?<secret>[A-Za-z0-9_-]{24,${max}})`
      : String.raw`(?<secret>${escaped}[A-Za-z0-9_-]{24,${max}})`;
  return defineSecretRule({
    id,
    title,
    description,
    keywords: [prefix],
    pattern: new RegExp(String.raw`(?<![\w.-])${secret}(?![\w-])`),
    maxLength: max + 4,
    minEntropy: 3.5,
    references: [VAULT_DOCS],
  });
}

export const hashicorpRules: readonly SecretRule[] = [
  vaultToken(
    'hashicorp-vault-service-token',
    'hvs.',
    'HashiCorp Vault service token',
    'A Vault service token (hvs.) reads and writes every secret its policies allow until it expires. Revoke it with `vault token revoke` (or its accessor), and let applications log in with an auth method instead of a static token.',
    300,
  ),
  vaultToken(
    'hashicorp-vault-batch-token',
    'hvb.',
    'HashiCorp Vault batch token',
    'A Vault batch token (hvb.) carries its policies and cannot be revoked individually before it expires. Revoke its parent token or lease, shorten batch token TTLs, and keep tokens out of source.',
    800,
  ),
  vaultToken(
    'hashicorp-vault-recovery-token',
    'hvr.',
    'HashiCorp Vault recovery token',
    'A Vault recovery token (hvr.) gives access to a cluster running in recovery mode. Regenerate it and keep recovery material offline with its key holders.',
    300,
  ),
  defineSecretRule({
    id: 'hashicorp-vault-legacy-token',
    title: 'HashiCorp Vault token (pre-1.10 format)',
    description:
      'An old-format Vault token (s. or b.) assigned to a Vault setting grants the secrets its policies allow. Revoke it with `vault token revoke` and authenticate applications with an auth method.',
    keywords: ['vault'],
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9])(?:vault[\w.-]{0,20}token|x-vault-token)[\w.-]{0,6}` +
        SEP +
        String.raw`(?<secret>s\.[A-Za-z0-9]{24}|b\.[A-Za-z0-9_-]{60,600})(?![\w.-])`,
      'i',
    ),
    maxLength: 660,
    minEntropy: 3.5,
    accept: (secret) => /[A-Z]/.test(secret) && /[a-z]/.test(secret.slice(2)),
    references: [VAULT_DOCS],
  }),
  defineSecretRule({
    id: 'hashicorp-terraform-cloud-token',
    title: 'HCP Terraform / Terraform Enterprise API token',
    description:
      'An HCP Terraform (Terraform Cloud) user, team or organization token runs plans and applies and reads state and variables, often including cloud credentials. Revoke it in the token settings and use short-lived dynamic credentials in CI.',
    keywords: ['.atlasv1.'],
    pattern: /(?<![\w.-])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![\w=-])/,
    maxLength: 95,
    minEntropy: 3.5,
    references: [TFC_DOCS],
  }),
];
