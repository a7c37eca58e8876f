/** Names people give to secrets: `DB_PASSWORD`, `GITHUB_TOKEN`, `STRIPE_API_KEY`, `AWS_SECRET_ACCESS_KEY`. */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH_?KEY)$|^(PASSWORD|SECRET|TOKEN|API_?KEY)_|_(PASSWORD|SECRET|TOKEN|API_?KEY)_/i;
/** Names that hold a pointer to a secret, or a setting about one, rather than the secret itself. */
const NOT_A_SECRET = /_(FILE|PATH|DIR|URL|HOST|PORT|NAME|USER|USERNAME|LENGTH|TTL|EXPIRY|EXPIRES|TIMEOUT|ENABLED|HEADER)$/i;
/** Values that are settings or placeholders to be filled in from outside. */
const NOT_A_VALUE = /^(true|false|yes|no|on|off|null|none|)$/i;

/** True when `name` looks like a secret and `value` is written out literally (not `${VAR}`, not empty, not a flag). */
export function isLiteralSecret(name: string, value: string): boolean {
  if (!SECRET_NAME.test(name) || NOT_A_SECRET.test(name)) return false;
  const trimmed = value.trim().replace(/^["']|["']$/g, '');
  return !NOT_A_VALUE.test(trimmed) && !trimmed.includes('$') && !trimmed.startsWith('/run/secrets/');
}
