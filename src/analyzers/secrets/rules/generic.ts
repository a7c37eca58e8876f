import { shannonEntropy } from '../engine/entropy.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

// Generic secrets: a random-looking literal assigned to a secret-like name (password, secret, token,
// api key, …) in `name = "value"`, `name: value`, `"name": "value"`, `NAME=value`, `name => 'value'`,
// `name := "value"`, `put("name", "value")`, `--name value`, `-storepass value` and XML forms.
// These rules are `isGeneric`: a provider rule that matches the same span wins.
//
// Precision comes first; decisions:
// - The secret-like word must END the name (`db_password`, `clientSecret`, `GITHUB_TOKEN`), so
//   `password_hash`, `PASSWORD_MIN_LENGTH`, `token_url`, `passwordLabel` never match. `pass`/`pwd` must
//   be a separate name component (`db_pass`, `smtpPass`), so `bypass`/`compass` don't match. Bare `auth`
//   and `key` are too ambiguous and are not names here (`auth_key`, `api_key` are).
// - Names that are not credentials are skipped: `csrf_token`, `page_token`, `next_token`, tokenizer
//   specials (`pad_token`, `eos_token`), device push tokens, `hashed_password`, `encrypted_password`,
//   `public_key`-style public values (`publishable_key`, `site_key`, `NEXT_PUBLIC_API_KEY`).
// - Values that are code or references are skipped: calls, member access (`process.env.X`,
//   `settings.SECRET_KEY`), variables (`$PASS`, `${X}`, `%X%`), templates, YAML tags/anchors (`!vault`),
//   identifiers (camelCase, snake_case, ENV_NAME, kebab words), paths, URLs, booleans, numbers,
//   dictionary/placeholder words (also in leetspeak), and values with spaces (prose, i18n strings).
// - Password hashes are skipped (bcrypt `$2b$…`, argon2, crypt, PBKDF2, `{SSHA}`, SRI `sha512-…`): a
//   hash is not the password and is expected in seed data and fixtures.
// - UUID values are reported under token / api-key / secret names (many providers issue UUID keys),
//   except well-known documentation UUIDs and low-entropy ones (`11111111-2222-…`).
// - Entropy: ≥ 3.5 bits/char for values of 16+ characters (≥ 3.0 for hex, which has a 4-bit ceiling);
//   shorter values (passwords from 8, secrets from 10) need three character classes and mostly
//   distinct characters.

/** Case-insensitive literal inside a case-sensitive pattern (`pass` → `[Pp][Aa][Ss][Ss]`). */
function ci(word: string): string {
  return word.replace(/[a-z]/gi, (ch) => `[${ch.toUpperCase()}${ch.toLowerCase()}]`);
}
/** Name components separated by nothing, `_`, `-` or a space (`api_key`, `apiKey`, `API-KEY`, `api key`). */
function words(...parts: string[]): string {
  return parts.map(ci).join('[_ -]?');
}

/** After the name: closing quote/bracket, an optional type annotation, then the assignment operator. */
const SEP = String.raw`["'\x60]?\]?[ \t]{0,4}(?::[ \t]{0,4}[A-Za-z][\w.\[\]|?]{0,30}[ \t]{0,4}(?==))?(?:=>|:=|=(?!=)|:(?!:)|(?<=["'\x60][\w.-]{1,60}["'\x60]),)[ \t]{0,4}`;
/**
 * The value: quoted (anything but quotes and whitespace) or bare (no quotes, brackets, `<>`, `,;&`), and a
 * bare value must end at whitespace, a separator or a closing bracket, not run into `(` or `[`.
 */
const VALUE = String.raw`["'\x60]?(?<secret>(?<=["'\x60])[^"'\x60\s]{8,200}(?=["'\x60])|(?<!["'\x60])(?<!,[ \t]{0,4})[^\s"'\x60<>,;&(){}\[\]]{8,200}(?![^\s,;&)\]}"'\x60]))`;
/** The name must end at the secret-like word. */
const NAME_END = String.raw`(?![\w.-])`;

// ---------------------------------------------------------------------------------------------------
// Value checks

const LEET: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't' };
const PLACEHOLDER_SUBSTRINGS =
  /passw|passwd|secret|token|api[_-]?key|changeme|change[_-]me|changeit|test|fake|mock|dummy|sample|example|placeholder|redacted|xxx|your|todo|fixme|insert|replace|default|demo|lorem|ipsum|hello|admin|qwerty|letmein|welcome/;
const PLACEHOLDER_WORDS = new Set(
  (
    'pass password passwd pwd secret token key apikey value string text none null nil undefined true false yes no on off ' +
    'foo bar baz qux foobar root guest user username login postgres mysql redis mongo abc abcd abcdefgh hunter tiger scott ' +
    'required optional enabled disabled hidden masked unknown empty blank'
  ).split(' '),
);
/** Credentials printed in providers' public documentation (values other families treat as examples). */
const DOC_VALUES = [
  /^Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY$/, // Cloudflare API docs token
  /144c9defac04969c7bfad8ef/, // Cloudflare API docs global key / origin CA key
  // OAuth RFC 6749 / 6750 / 5849 example credentials.
  /^(?:2YotnFZFEjr1zCsicMWpAA|tGzv3JOkF0XG5Qx2TlKWIA|SplxlOBeZQQYbYS6WxSbIA|7Fjfp0ZBr1KtDRbnfVdmIw|gX1fBat3bV|mF_9\.B5f-4\.1JqM)/,
  /^(?:ad180jjd733klru7|nnch734d00sl2jdk|kllo9940pd9333jh|hh5s93j4hdidpola|dh893hdasih9|hdk48Djdsa|wIjqoS|pfkkdhi9sl3r4s00|j49sk3j29djd)/,
  /^wJalrXUtnFEMI\/K7MDENG\/bPxRfiCY|^AKIAIOSFODNN7|^je7MtGbClwBF\/2Zp9Utk\/h3yCo8nvbEXAMPLEKEY/, // AWS documentation keys
  /^404E635266556A586E3272357538782F413F4428472B4B6250645367566B5970$/i, // JWT secret of many Spring tutorials
  /^Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq\/K1SZFPTOtr\/KBHBeksoGMGw==$/, // Azurite development storage key
];
const DOC_UUIDS = new Set(['123e4567-e89b-12d3-a456-426614174000', '123e4567-e89b-12d3-a456-426655440000', '550e8400-e29b-41d4-a716-446655440000', 'f47ac10b-58cc-4372-a567-0e02b2c3d479']);


/** Split an identifier into words (camelCase, PascalCase with acronyms, snake_case, kebab-case, digit runs). */
function identifierWords(value: string): string[] | undefined {
  const parts = value.match(/[A-Z]{2,}(?=[A-Z][a-z]|[^A-Za-z]|$)|[A-Z]?[a-z]+|[A-Z]|\d+|[_$-]+/g) ?? [];
  if (parts.join('') !== value) return undefined;
  return parts.filter((part) => !/^[_$-]+$/.test(part));
}

/**
 * A natural-language-shaped identifier: its words are at least two letters (acronyms allowed), most
 * lower-case words have a vowel, and it has at most `maxDigits` digits. Random strings fail: their
 * "words" are one or two letters long and vowel-less.
 */
function wordShaped(value: string, maxDigits = 2): boolean {
  const words = identifierWords(value);
  if (words === undefined || words.length === 0) return false;
  const alpha = words.filter((word) => /[A-Za-z]/.test(word));
  if (alpha.length === 0) return false;
  if (words.join('').replace(/\D/g, '').length > maxDigits) return false;
  const upperSnake = /^[A-Z0-9_]+$/.test(value);
  if (!upperSnake && alpha.some((word) => word.length < 2)) return false;
  const lowerWords = alpha.filter((word) => /[a-z]/.test(word));
  const voweled = lowerWords.filter((word) => /[aeiouy]/i.test(word)).length;
  return voweled * 2 >= lowerWords.length;
}

/** Fraction of adjacent characters that change class (lower, upper, digit, other): high for random text. */
function transitionRatio(value: string): number {
  const kind = (ch: string): number => (/[a-z]/.test(ch) ? 0 : /[A-Z]/.test(ch) ? 1 : /\d/.test(ch) ? 2 : 3);
  let changes = 0;
  for (let i = 1; i < value.length; i++) if (kind(value.charAt(i)) !== kind(value.charAt(i - 1))) changes++;
  return value.length > 1 ? changes / (value.length - 1) : 0;
}

function identifierLike(part: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(part) && (part.length <= 3 || wordShaped(part, 8) || transitionRatio(part) <= 0.3);
}

/** `process.env.X`, `settings.SECRET_KEY`, `pkg.module:attr`, `ns::Type`, `/etc/passwd`: a reference, not a value. */
function isCodeReference(value: string): boolean {
  const parts = value.split(/\?\.|::|[.:/#]/).filter((part) => part.length > 0);
  return parts.length > 1 && parts.every(identifierLike);
}

function isPasswordHash(value: string): boolean {
  return (
    /^\$(?:2[abxy]?|argon2(?:id|i|d)|[1-9][a-z]?|pbkdf2(?:-sha\d+)?|scrypt|sha\d+|md5|y|gy|7)\$/.test(value) ||
    /^(?:pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2|scrypt|sha1|md5)\$/.test(value) ||
    /^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA\d+)\}/i.test(value) ||
    /^(?:sha(?:1|224|256|384|512)|md5)[-:][A-Za-z0-9+/=]{16,}$/i.test(value)
  );
}

/** Checks shared by every generic rule: is this literal plausibly a credential? */
function looksLikeSecretValue(value: string, minLength: number): boolean {
  if (value.length < minLength || !/^[\x21-\x7e]+$/.test(value)) return false;
  // Variables, templates, references, YAML tags and anchors, symbols.
  if (/^\{[^{}]*\}$|^\$[A-Za-z_{(]|^%[\w-]+%$|^[!&*][A-Za-z_][\w-]*$|^!!?[A-Za-z_$][\w$.]*$|^:[a-z_]\w*$|^@[\w.-]+$|^#\{|^\{\{|^<%/.test(value)) return false;
  if (/\$\{|\{\{|\}\}|#\{|%\(|\$\(|<%|%>|%[sd]\b|\{\d*\}|\{[A-Za-z_]\w*\}/.test(value)) return false;
  // JSON Web Tokens belong to the jwt rules (which skip unsigned ones on purpose).
  if (/^eyJ[\w-]*\.[\w-]*\./.test(value)) return false;
  // Code: calls, arrows, scope operators, concatenation.
  if (/[A-Za-z_$][\w$]*\(|=>|::|->|\|\||&&/.test(value)) return false;
  // Regular expressions (a token format written as a pattern): character ranges, counted repeats, escapes.
  if (/\[[^\]]*\w-\w[^\]]*\]|\{\d+(?:,\d*)?\}|\\[dswbDSWB]|\(\?[:=!<]/.test(value)) return false;
  if (isCodeReference(value) || wordShaped(value)) return false;
  // A word with a few digits and a symbol at the end (`Backend123`, `Summer2024!`): a documentation-style password.
  if (value.length < 16 && wordShaped(value.replace(/[!@#$%^&*?.~_-]+$/, ''), 4)) return false;
  // URLs, paths and file names.
  if (/:\/\/|^(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)|\.(?:pem|key|json|ya?ml|txt|p12|pfx|jks|keystore|crt|cer|der|env|ini|conf|cfg|properties|xml|gpg|asc|pub|ppk)$/i.test(value)) return false;
  if (/^[\w.-]+(?:\/[\w.-]+)+$/.test(value) && value.split('/').every((part) => /^[a-z0-9_.-]*$/.test(part))) return false;
  // Numbers, dates, versions, IP addresses.
  if (/^[\d.,:_+/-]+$/.test(value)) return false;
  if (isPasswordHash(value)) return false;
  // Placeholder and dictionary words, also in leetspeak or with digits and symbols around them.
  const lower = value.toLowerCase();
  if (PLACEHOLDER_SUBSTRINGS.test(lower)) return false;
  const plain = [...lower].map((ch) => LEET[ch] ?? ch).join('');
  if (/passw|secret|token|changeme|admin|test/.test(plain)) return false;
  if (PLACEHOLDER_WORDS.has(lower.replace(/[^a-z]/g, '')) || PLACEHOLDER_WORDS.has(plain.replace(/[^a-z]/g, ''))) return false;
  // A base64 value (Kubernetes Secret data) that decodes to a placeholder.
  if (value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    const decoded = Buffer.from(value, 'base64').toString('latin1');
    if (/^[\x20-\x7e]+$/.test(decoded) && !looksDecodedSecret(decoded)) return false;
  }
  return randomEnough(value);
}

/** A decoded base64 value is a placeholder if it is a dictionary word or an obvious template. */
function looksDecodedSecret(decoded: string): boolean {
  const lower = decoded.toLowerCase();
  const plain = [...lower].map((ch) => LEET[ch] ?? ch).join('');
  if (PLACEHOLDER_SUBSTRINGS.test(lower) || /passw|secret|changeme|admin|test/.test(plain)) return false;
  return !PLACEHOLDER_WORDS.has(lower.replace(/[^a-z]/g, ''));
}

function randomEnough(value: string): boolean {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
  if (uuid) return !DOC_UUIDS.has(value.toLowerCase()) && shannonEntropy(value.replace(/-/g, '')) >= 3.2;
  const entropy = shannonEntropy(value);
  if (/^(?:0x)?[0-9a-f]+$/i.test(value) && value.length >= 16) {
    return /[a-f]/i.test(value) && /[0-9]/.test(value) && entropy >= 3;
  }
  if (value.length >= 16) {
    return (entropy >= 3.5 && /[0-9]/.test(value)) || entropy >= 3.9;
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return classes >= 3 && /[^A-Za-z]/.test(value) && entropy >= Math.log2(value.length) - 0.7;
}

// ---------------------------------------------------------------------------------------------------
// Names

// Each name is matched word-first (`(?<w>…)`) and its left context is checked afterwards with lookbehinds
// that include `\k<w>`: a pattern that starts with a lookbehind is tried at every offset, which is two
// orders of magnitude slower on large files.

const PASSWORD_WORD = String.raw`(?:${ci('password')}|${ci('passwd')}|${ci('passwort')}|${ci('passphrase')}|${ci('pass')}(?<![A-Za-z]${ci('pass')})|${ci('pwd')}(?<![A-Za-z]${ci('pwd')})|(?:Pass|PASS)(?<=[a-z0-9](?:Pass|PASS))|(?:Pwd|PWD)(?<=[a-z0-9](?:Pwd|PWD)))`;
const PASSWORD_NOT_AFTER = ['hashed', 'hash', 'encrypted', 'crypted', 'enc', 'salted', 'cipher', 'digest'];
const SECRET_WORD = String.raw`(?:${words('secret', 'key')}|${ci('secret')}|${ci('credentials')}|${ci('credential')})`;
const TOKEN_WORD = ci('token');
const TOKEN_NOT_AFTER = [
  'csrf', 'xsrf', 'anti_forgery', 'antiforgery', 'page', 'next_page', 'nextpage', 'next', 'prev', 'previous', 'continuation',
  'cursor', 'sync', 'cancel', 'cancellation', 'idempotency', 'push', 'device', 'fcm', 'apns', 'registration', 'notification',
  'max', 'num', 'total', 'input', 'output', 'completion', 'prompt', 'eos', 'bos', 'pad', 'unk', 'sep', 'cls', 'mask',
  'special', 'resume', 'pagination', 'sort', '_auth', 'npmauth', 'lexer', 'parser', 'syntax', 'client', 'aws_session',
];
const API_KEY_WORD = String.raw`(?:${words('api', 'key')}|(?:${['access', 'auth', 'app', 'private', 'signing', 'encryption', 'master', 'subscription', 'hmac'].map(ci).join('|')})[_ -]?${ci('key')})`;
const API_KEY_NOT_AFTER = ['public', 'publishable', 'pub', 'site', 'recaptcha', 'aws_secret', 'aws'];

/** Command-line options (`--api-key=…`) belong to generic-cli-secret. */
const NOT_OPTION = String.raw`(?<!--(?:[A-Za-z0-9]+-){0,3}\k<w>)`;
/**
 * Prose guard: "not a token: …" or "Admin password: …" (a word and a space before the name, then a colon) is
 * text, not a key. Declarations (`export TOKEN=…`, `let token: string = …`) pass through their `=`.
 */
const NOT_PROSE = String.raw`(?:(?<![A-Za-z][ \t]\k<w>)|(?=[^\s:=]{0,60}[ \t]{0,4}(?:=|:=|:[ \t]{0,4}[A-Za-z][\w.\[\]|?]{0,30}[ \t]{0,4}=)))`;

function assignmentPattern(word: string, notAfter: readonly string[]): RegExp {
  const excluded = notAfter.length > 0 ? `(?<!(?:${notAfter.map(ci).join('|')})[_.-]?\\k<w>)` : '';
  return new RegExp(`(?<w>${word})${excluded}${NOT_OPTION}${NOT_PROSE}${NAME_END}${SEP}${VALUE}`);
}

const STORE =
  'Move the value to a secret store or the CI/deployment environment, read it at run time, and rotate it: anything committed stays in the history.';

function assignmentRule(options: {
  id: string;
  title: string;
  what: string;
  keywords: string[];
  word: string;
  notAfter?: readonly string[];
  minLength: number;
}): SecretRule {
  return defineSecretRule({
    id: options.id,
    title: options.title,
    description: `A literal ${options.what} assigned in code or configuration. Whoever can read the repository can use it. ${STORE}`,
    keywords: options.keywords,
    pattern: assignmentPattern(options.word, options.notAfter ?? []),
    maxLength: 300,
    minEntropy: 2.3,
    accept: (secret) => looksLikeSecretValue(secret, options.minLength),
    allowValues: DOC_VALUES,
    isGeneric: true,
    confidence: 'medium',
    references: ['https://cwe.mitre.org/data/definitions/798.html'],
  });
}

// CLI flags: `--password value`, `--api-key=value`, keytool `-storepass value`, openssl `-passin pass:value`.
const CLI_FLAG_WORD = `(?:${[
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'client-secret', 'secret-key', 'token', 'auth-token',
  'access-token', 'api-token', 'api-key', 'apikey', 'access-key', 'secret-access-key', 'private-key',
].join('|')})`;

// XML names: the element or key must end in a secret-like word.
const XML_NAME = String.raw`(?![\w.:-]{0,40}(?:${['csrf', 'xsrf', 'authenticity', 'verification', 'forgery', 'nonce'].map(ci).join('|')}))(?:[A-Za-z_][\w.:-]{0,40}?)?(?:${ci('password')}|${ci('passwd')}|${ci('secret')}|${words('secret', 'key')}|${words('api', 'key')}|${ci('token')}|${words('access', 'key')}|${words('private', 'key')}|${words('client', 'secret')})`;

/** What the command-line and XML forms share: any value of 8+ characters that reads as a secret. */
const FREE_FORM_VALUE = {
  minEntropy: 2.3,
  accept: (secret: string) => looksLikeSecretValue(secret, 8),
  allowValues: DOC_VALUES,
  isGeneric: true,
  confidence: 'medium',
} as const;

export const genericRules: readonly SecretRule[] = [
  assignmentRule({
    id: 'generic-password',
    title: 'Hard-coded password',
    what: 'password',
    keywords: ['pass', 'pwd'],
    word: PASSWORD_WORD,
    notAfter: PASSWORD_NOT_AFTER,
    minLength: 8,
  }),
  assignmentRule({
    id: 'generic-secret',
    title: 'Hard-coded secret',
    what: 'secret (client secret, secret key, signing secret, credentials)',
    keywords: ['secret', 'credential'],
    word: SECRET_WORD,
    minLength: 10,
  }),
  assignmentRule({
    id: 'generic-token',
    title: 'Hard-coded token',
    what: 'token (access, auth, refresh, API or bot token)',
    keywords: ['token'],
    word: TOKEN_WORD,
    notAfter: TOKEN_NOT_AFTER,
    minLength: 16,
  }),
  assignmentRule({
    id: 'generic-api-key',
    title: 'Hard-coded API or access key',
    what: 'API key or access, signing, encryption or master key',
    keywords: ['key'],
    word: API_KEY_WORD,
    notAfter: API_KEY_NOT_AFTER,
    minLength: 16,
  }),
  defineSecretRule({
    id: 'generic-cli-secret',
    title: 'Secret passed as a command-line option',
    description: `A password or token written as a command-line option (--password, --token, --api-key, keytool -storepass, openssl -passin pass:) in a script, Dockerfile, CI file or documentation. It is also visible in the process list and shell history. ${STORE}`,
    // Every form has a hyphen right before the flag word: `key` alone hits every `Object.keys`.
    keywords: ['-pass', '-pwd', '-secret', '-token', '-key', '-apikey', 'storepass', 'keypass'],
    pattern: new RegExp(
      String.raw`(?:(?<![\w-])--(?:[a-z0-9]+-){0,3}${CLI_FLAG_WORD}(?:=|[ \t]{1,4})|(?<![\w-])-(?:src|dest)?(?:store|key)pass[ \t]{1,4}|(?<![\w-])-pass(?:in|out)?[ \t]{1,4}pass:)["']?(?<secret>(?!-)[^\s"'\x60]{8,200})(?=["'\x60\s;|&)]|$)`,
    ),
    maxLength: 300,
    ...FREE_FORM_VALUE,
    references: ['https://cwe.mitre.org/data/definitions/214.html'],
  }),
  defineSecretRule({
    id: 'generic-xml-secret',
    title: 'Hard-coded secret in an XML element',
    description: `A password, secret, token or key as the text of an XML element (<password>…</password>, Maven settings, Spring or .NET configuration). ${STORE}`,
    // The element name ends in the secret word, right before `>`.
    keywords: ['password>', 'passwd>', 'secret>', 'key>', 'token>'],
    pattern: new RegExp(String.raw`<(?<tag>${XML_NAME})>(?<secret>[^<>\s]{8,200})</\k<tag>>`),
    maxLength: 300,
    ...FREE_FORM_VALUE,
    references: ['https://cwe.mitre.org/data/definitions/260.html'],
  }),
  defineSecretRule({
    id: 'generic-xml-attribute-secret',
    title: 'Hard-coded secret in an XML key/value attribute pair',
    description: `A secret in a key="…Password" value="…" pair (.NET appSettings <add key= value=/>, Spring <property name= value=/>, <entry key=>). ${STORE}`,
    // The attribute value names the setting and ends in the secret word, right before its quote.
    keywords: ['password"', 'passwd"', 'secret"', 'key"', 'token"'],
    pattern: new RegExp(
      String.raw`\b(?:key|name)[ \t]{0,2}=[ \t]{0,2}"${XML_NAME}"[ \t]{1,4}value[ \t]{0,2}=[ \t]{0,2}"(?<secret>[^"<>\s]{8,200})"`,
    ),
    maxLength: 400,
    ...FREE_FORM_VALUE,
    references: ['https://cwe.mitre.org/data/definitions/260.html'],
  }),
];
