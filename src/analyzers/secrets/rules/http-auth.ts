import { shannonEntropy } from '../engine/entropy.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

// HTTP authentication material written into code, scripts and client configuration:
// `Authorization: Basic <base64 user:password>` and `Authorization: Bearer <opaque token>` headers,
// `curl -u user:password`, `.npmrc` `_auth` / `_password` / `_authToken`, `.yarnrc.yml` `npmAuthToken`,
// Docker `config.json` `"auth"` entries and `.netrc` machine entries.
//
// npm `npm_…` tokens belong to the npm family: `http-auth-npmrc-token` only reports other values (legacy
// UUID tokens, tokens of private registries) and, like the Bearer rule, is generic so that any provider
// rule matching the same token wins. A Bearer value shaped like a JWT is left to the jwt rules, and the
// example credentials of the OAuth/HTTP RFCs are skipped.

const PLACEHOLDER_WORDS = new Set(
  (
    'pass passwd password passwort passphrase pwd pw secret secrets changeme changeit admin administrator root toor ' +
    'test tests testing tester guest user username usr login default demo foo bar baz foobar qux hello world ' +
    'example sample dummy fake mock none null nil undefined empty blank hidden masked mask redacted removed ' +
    'qwerty letmein welcome hunter iloveyou abc abcd key apikey token accesstoken value string str text word ' +
    'mypassword mysecret mypass credential credentials auth opensesame open sesame dev local localhost prod ' +
    'secure supersecret topsecret private public server client host data temp tmp new my enter type'
  ).split(' '),
);
const LEET: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };

/** Example credentials of the OAuth and HTTP authentication RFCs (6749, 6750, 5849, 7617). */
const RFC_EXAMPLES =
  /^(?:2YotnFZFEjr1zCsicMWpAA|tGzv3JOkF0XG5Qx2TlKWIA|SplxlOBeZQQYbYS6WxSbIA|7Fjfp0ZBr1KtDRbnfVdmIw|gX1fBat3bV|mF_9\.B5f-4\.1JqM|ad180jjd733klru7|nnch734d00sl2jdk|kllo9940pd9333jh|hh5s93j4hdidpola|dh893hdasih9|hdk48Djdsa|j49sk3j29djd)/;

/** True when a password is a placeholder, a variable, a documentation word or a short lower-case word. */
function isPlaceholderPassword(value: string): boolean {
  if (value.length < 6 || RFC_EXAMPLES.test(value)) return true;
  if (/^[a-z]+$/.test(value) && value.length < 16) return true;
  if (/^[$%{<[(*:@&#=]/.test(value)) return true;
  if (/\$\{|\{\{|\}\}|%\(|%[sd]\b|\$\(|[<>]|\{\w*\}|%[A-Za-z_]+%|\*{3}|\.{3}/.test(value)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true;
  if (/^[x*•#?._-]+$/i.test(value)) return true;
  const lower = value.toLowerCase();
  if (/passw|secret|changeme|redacted|placeholder|example|sample|dummy|your/.test(lower)) return true;
  const plain = [...lower].map((ch) => LEET[ch] ?? ch).join('');
  if (/passw|secret|changeme/.test(plain)) return true;
  const letters = plain.replace(/[^a-z]/g, '');
  if (letters.length === 0 && !/^\d+$/.test(value)) return true;
  return PLACEHOLDER_WORDS.has(letters) || PLACEHOLDER_WORDS.has(lower.replace(/[^a-z]/g, ''));
}


/** Base64 that decodes to printable text (UTF-8 or Latin-1), else undefined. */
function decodeBase64Text(value: string): string | undefined {
  if (value.replace(/=+$/, '').length % 4 === 1) return undefined;
  const bytes = Buffer.from(value, 'base64');
  const text = bytes.toString('utf8');
  const decoded = text.includes('\uFFFD') ? bytes.toString('latin1') : text;
  return decoded.length > 0 && [...decoded].every((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f) ? decoded : undefined;
}

/** `user:password` with a real password; a password-less pair counts when the user part is itself a token. */
function credentialPairOk(pair: string): boolean {
  const colon = pair.indexOf(':');
  if (colon < 0) return false;
  const user = pair.slice(0, colon);
  const password = pair.slice(colon + 1);
  if (password.length === 0) return user.length >= 20 && shannonEntropy(user) >= 3.5 && !isPlaceholderPassword(user);
  return password !== user && !isPlaceholderPassword(password);
}

/** A word-shaped identifier segment: camelCase, PascalCase, snake_case, at most two trailing digits. */
const WORDY = /^[A-Za-z_$][a-z_$]*(?:[A-Z]+[a-z_$]*)*\d{0,2}$/;

/** An opaque token: long, mixed, not an identifier, a member expression or a JWT (the jwt rules own those). */
function opaqueTokenOk(token: string): boolean {
  if (!/[0-9]/.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (/^eyJ[\w-]*\.[\w-]*\./.test(token)) return false;
  if (token.includes('.') && token.split('.').every((part) => WORDY.test(part))) return false;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(token)) return false;
  return !isPlaceholderPassword(token);
}

/** `Authorization` followed by `:`/`=`/`,`/`=>` and an optional quote, as in headers, dicts and setters. */
const AUTH_HEADER = String.raw`\b(?:proxy-)?authorization["'\x60]?\]?\s{0,4}(?:=>|:=|[:=,])\s{0,4}["'\x60]?\s{0,4}`;

const BASIC_DOCS = 'https://www.rfc-editor.org/rfc/rfc7617';
const NPMRC_DOCS = 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration';

export const httpAuthRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'http-auth-basic',
    title: 'HTTP Basic authorization header with credentials',
    description:
      'An Authorization: Basic header is the base64 of user:password, so it discloses a reusable password to anyone who reads it. ' +
      'Change that password, and build the header at run time from credentials kept in a secret store.',
    keywords: ['basic'],
    pattern: new RegExp(`${AUTH_HEADER}basic\\s{1,4}(?<secret>[A-Za-z0-9+/]{8,1000}={0,2})(?![A-Za-z0-9+/=])`, 'i'),
    maxLength: 1100,
    minEntropy: 2.5,
    accept: (secret) => {
      const pair = decodeBase64Text(secret);
      return pair !== undefined && credentialPairOk(pair);
    },
    references: [BASIC_DOCS],
  }),
  defineSecretRule({
    id: 'http-auth-bearer',
    title: 'HTTP Bearer authorization header with a token',
    description:
      'An Authorization: Bearer header written into code, a script or a .http file holds an access token that works for anyone until it expires or is revoked. ' +
      'Revoke the token and read it at run time from the environment or a secret store.',
    keywords: ['bearer'],
    pattern: new RegExp(`${AUTH_HEADER}bearer\\s{1,4}(?<secret>[A-Za-z0-9._~+/-]{20,2000}={0,2})(?![A-Za-z0-9._~+/=-])`, 'i'),
    maxLength: 2100,
    minEntropy: 3.5,
    accept: opaqueTokenOk,
    isGeneric: true,
    confidence: 'medium',
    references: ['https://www.rfc-editor.org/rfc/rfc6750#section-2.1'],
  }),
  defineSecretRule({
    id: 'http-auth-curl-basic',
    title: 'curl command with user:password',
    description:
      'A curl command with -u/--user user:password puts a reusable password in a script, documentation or shell history. ' +
      'Change the password and let curl read it from a .netrc file, a config file outside the repository, or an environment variable.',
    keywords: ['curl'],
    // Within the same command: the line may be continued with a trailing backslash.
    pattern:
      /\bcurl\b(?:[^\n\\]|\\\r?\n?){0,400}?\s(?:-u|--user)(?:[ \t]{1,4}|=)["']?(?<user>[^\s:'"$]{1,128}):(?!\k<user>["'\s])(?<secret>[^\s'"]{1,256})(?=["'\s]|$)/,
    maxLength: 800,
    minEntropy: 2,
    accept: (secret) => !isPlaceholderPassword(secret),
    // Any provider's token can follow `-u`: the provider's rule names it better.
    isGeneric: true,
    references: ['https://curl.se/docs/manpage.html#-u'],
  }),
  defineSecretRule({
    id: 'http-auth-npmrc-auth',
    title: 'npm registry basic credentials (.npmrc _auth / _password)',
    description:
      'An .npmrc _auth value is base64 user:password (and _password the base64 password) for a package registry: it allows reading private packages and often publishing them. ' +
      'Change the registry password, then use a scoped token injected from the environment (${NPM_TOKEN}).',
    keywords: ['_auth', '_password'],
    pattern: /(?<![\w-])_(?:auth|password)[ \t]{0,4}=[ \t]{0,4}["']?(?<secret>[A-Za-z0-9+/]{8,500}={0,2})(?![A-Za-z0-9+/=])/,
    maxLength: 540,
    minEntropy: 2.5,
    accept: (secret) => {
      const decoded = decodeBase64Text(secret);
      if (decoded === undefined) return false;
      return decoded.includes(':') ? credentialPairOk(decoded) : !isPlaceholderPassword(decoded);
    },
    references: [NPMRC_DOCS],
  }),
  defineSecretRule({
    id: 'http-auth-npmrc-token',
    title: 'Registry auth token in .npmrc (_authToken)',
    description:
      'An .npmrc _authToken authenticates to a package registry (npm, a private or self-hosted registry): it allows installing private packages and, depending on its scope, publishing. ' +
      'Revoke the token in the registry and reference an environment variable (_authToken=${NPM_TOKEN}) instead.',
    keywords: ['_authtoken'],
    pattern: /(?<![\w-])_authToken[ \t]{0,4}=[ \t]{0,4}["']?(?<secret>[A-Za-z0-9._~+/-]{16,512}={0,2})(?![A-Za-z0-9._~+/=-])/,
    maxLength: 560,
    minEntropy: 3,
    accept: (secret) => !secret.startsWith('npm_') && opaqueTokenOk(secret),
    isGeneric: true,
    references: [NPMRC_DOCS],
  }),
  defineSecretRule({
    id: 'http-auth-yarnrc-token',
    title: 'Registry auth token in .yarnrc.yml (npmAuthToken)',
    description:
      'A .yarnrc.yml npmAuthToken authenticates Yarn to a package registry and may allow publishing. ' +
      'Revoke the token and reference an environment variable (npmAuthToken: "${NPM_TOKEN}") instead.',
    keywords: ['npmauthtoken'],
    pattern: /\bnpmAuthToken["']?[ \t]{0,4}:[ \t]{0,4}["']?(?<secret>[A-Za-z0-9._~+/-]{16,512}={0,2})(?![A-Za-z0-9._~+/=-])/,
    maxLength: 560,
    minEntropy: 3,
    accept: (secret) => !secret.startsWith('npm_') && opaqueTokenOk(secret),
    isGeneric: true,
    references: ['https://yarnpkg.com/configuration/yarnrc#npmAuthToken'],
  }),
  defineSecretRule({
    id: 'http-auth-docker-config',
    title: 'Container registry credentials (Docker config.json "auth")',
    description:
      'A Docker config.json "auths" entry stores base64 user:password (or user:token) for a container registry: it allows pulling private images and usually pushing them. ' +
      'Revoke or change the credential and use a credential helper (credsStore) or CI secrets instead of a committed config.',
    keywords: ['"auth"'],
    pattern: /"auth"\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9+/]{8,2000}={0,2})"/,
    maxLength: 2030,
    minEntropy: 2.5,
    accept: (secret) => {
      const pair = decodeBase64Text(secret);
      return pair !== undefined && credentialPairOk(pair);
    },
    references: ['https://docs.docker.com/reference/cli/docker/login/#credential-stores'],
  }),
  defineSecretRule({
    id: 'http-auth-netrc',
    title: 'Password in a .netrc entry',
    description:
      'A .netrc machine entry gives curl, git, ftp and pip the password (often an API token) for that host. ' +
      'Rotate it and keep .netrc in the home directory with mode 600, never in a repository or image.',
    keywords: ['machine'],
    pattern:
      /\bmachine\s{1,8}[\w.-]{1,253}\s{1,8}login\s{1,8}[^\s]{1,128}\s{1,8}password\s{1,8}(?<secret>[^\s]{1,256})(?=\s|$)/,
    maxLength: 700,
    minEntropy: 2,
    accept: (secret) => !isPlaceholderPassword(secret),
    references: ['https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html'],
  }),
];
