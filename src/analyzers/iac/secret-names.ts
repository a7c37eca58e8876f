/**
 * Which settings hold credentials, judged word by word on the name (`DB_PASSWORD`, `apiToken`,
 * `AWS_SECRET_ACCESS_KEY`), shared by every framework's "secret written into the file" check.
 */

const SECRET_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'credential', 'credentials', 'apikey', 'pat', 'passphrase']);
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'secret', 'ssh', 'signing', 'encryption', 'deploy', 'license', 'auth']);
/** Names about a secret rather than holding one: `SECRET_DETECTION_DISABLED`, `TOKEN_URL`, `PASSWORD_FILE`. */
const DESCRIPTIVE_ENDINGS = new Set([
  'disabled', 'enabled', 'path', 'file', 'dir', 'url', 'host', 'port', 'name', 'user', 'username', 'length', 'type', 'version',
  'ttl', 'expiry', 'expires', 'timeout', 'header', 'excluded', 'analyzers', 'image', 'id',
]);
/** Values that are settings or placeholders to be filled in from outside. */
const NOT_A_VALUE = /^(true|false|yes|no|on|off|null|none|)$/i;

/** Whether a variable name says it holds a credential. */
export function looksSecret(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\-.]+/)
    .filter((word) => word.length > 0);
  const last = words[words.length - 1];
  if (last === undefined || DESCRIPTIVE_ENDINGS.has(last)) return false;
  return words.some((word, index) => SECRET_WORDS.has(word) || (word === 'key' && index > 0 && KEY_QUALIFIERS.has(words[index - 1] ?? '')));
}

/** True when `name` looks like a secret and `value` is written out literally (not `${VAR}`, not empty, not a flag). */
export function isLiteralSecret(name: string, value: string): boolean {
  if (!looksSecret(name)) return false;
  const trimmed = value.trim().replace(/^["']|["']$/g, '');
  return !NOT_A_VALUE.test(trimmed) && !trimmed.includes('$') && !trimmed.startsWith('/run/secrets/');
}
