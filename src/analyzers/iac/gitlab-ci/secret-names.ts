/** Whether a variable name says it holds a credential (`DB_PASSWORD`, `CI_JOB_TOKEN`, `AWS_SECRET_ACCESS_KEY`). */

const SECRET_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'credential', 'credentials', 'apikey', 'pat', 'passphrase']);
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'secret', 'ssh', 'signing', 'encryption', 'deploy', 'license']);
/** Names about a secret rather than holding one: `SECRET_DETECTION_DISABLED`, `TOKEN_URL`, `PASSWORD_FILE`. */
const DESCRIPTIVE_ENDINGS = new Set(['disabled', 'enabled', 'path', 'file', 'dir', 'url', 'host', 'name', 'user', 'username', 'length', 'type', 'version', 'ttl', 'expiry', 'header', 'excluded', 'analyzers', 'image', 'id']);

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
