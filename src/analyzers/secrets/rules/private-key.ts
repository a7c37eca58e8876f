import { shannonEntropy } from '../engine/entropy.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

// Private keys: PEM (PKCS#1, SEC 1, DSA, PKCS#8, encrypted PKCS#8), OpenSSH, OpenPGP armor, PuTTY .ppk,
// and private/symmetric JSON Web Keys.
// A match runs from the BEGIN line through the END line and the body must be a real base64 payload of
// plausible length: documentation that shows `-----BEGIN RSA PRIVATE KEY-----\n...\n-----END`, a
// template (`<key>`, `{{ .Values.key }}`) or an empty body never reaches the END line, because the body
// character class has no `.`, `<`, `{`, `-` or quote. Bodies may be split by real newlines (files, YAML
// block scalars) or by `\n` escapes (JSON, .env values), or flattened with single spaces.
//
// Where the secret starts decides the reported line. The engine drops secrets with a run of five equal
// characters, which multi-line bodies hit through deep indentation and OpenSSH keys through their zero
// bytes (`AAAAA`). So:
// - PEM/PGP bodies at most 4 spaces deep: the secret is the whole body, starting at the line break after
//   the BEGIN line, so the finding is on the BEGIN line and accept() validates the full payload;
// - deeper indented PEM bodies: the secret is the first body line (the rest is checked by the pattern);
// - OpenSSH: the secret is the first full body line without such a run (the fixed header has runs).

const PEM_DOCS = 'https://www.rfc-editor.org/rfc/rfc7468';

/** A line break: a real one, or a `\n` / `\r\n` escape (single or double backslash) in a string literal. */
const SEP = String.raw`(?:\r?\n|(?:\\{1,2}r)?\\{1,2}n)`;
/** Characters of a base64 body, its line breaks and escapes. No `-`: the END line stops it. */
const BODY = String.raw`[A-Za-z0-9+/=\s\\]`;
const ESCAPES = /\\{1,2}[rn]/g;


/** Split a captured key body into trimmed non-empty lines; a flattened body splits on spaces. */
function bodyLines(secret: string): string[] {
  return secret
    .replace(ESCAPES, '\n')
    .split(/[\r\n]+/)
    .flatMap((line) => (/^(?:[A-Za-z][A-Za-z-]{0,30}):/.test(line.trim()) ? [line] : line.split(/[ \t]+/)))
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The base64 payload looks like key material: only base64 characters, padding only at the end,
 * at least `minChars` long, mixed-case with digits, high entropy, and no full line repeated (filler).
 */
function base64PayloadOk(lines: readonly string[], minChars: number): boolean {
  const payload = lines.join('');
  if (payload.length < minChars) return false;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) return false;
  if (!/[a-z]/.test(payload) || !/[A-Z]/.test(payload) || !/[0-9]/.test(payload)) return false;
  if (shannonEntropy(payload) < (payload.length >= 200 ? 4.8 : 4.2)) return false;
  const full = lines.filter((line) => line.length >= 16);
  return new Set(full).size === full.length;
}

const HEADER_LINE = /^(?:Proc-Type|DEK-Info):/;

/**
 * accept() for PEM rules. A secret that starts with a line break, an escape or a space is a whole body
 * (optionally with RFC 1421 `Proc-Type`/`DEK-Info` headers); otherwise it is the first line of a deeply
 * indented body, whose remaining length the pattern already checked.
 */
function pemBodyOk(minChars: number): (secret: string) => boolean {
  return (secret) => {
    if (/^[\s\\]/.test(secret)) {
      return base64PayloadOk(bodyLines(secret).filter((line) => !HEADER_LINE.test(line)), minChars);
    }
    return base64PayloadOk([secret], 40);
  };
}

/**
 * A PEM block `-----BEGIN <label>-----` … `-----END <label>-----`. Bodies use the "atomic group" idiom
 * `(?=(?<b>X))\k<b>` so a missing END line fails in linear time.
 */
function pemPattern(label: string, minChars: number, maxLength: number, encryptionHeaders: boolean): RegExp {
  const headers = encryptionHeaders
    ? String.raw`(?:(?:Proc-Type|DEK-Info):[ \t]?[A-Za-z0-9,-]{1,80}${SEP}[ \t]{0,4}){0,2}`
    : '';
  const bodyMax = maxLength - 2 * (label.length + 12);
  const restMin = Math.max(0, minChars - 100);
  const begin = `-----BEGIN ${label}-----`;
  const end = `-----END ${label}-----`;
  const shallow = String.raw`(?<=-----)(?:${SEP}[ \t]{0,4}(?![ \t])| )${headers}(?=(?<b>${BODY}{${minChars},${bodyMax}}))\k<b>`;
  const deep = String.raw`(?<=[ \t])(?=(?<f>[A-Za-z0-9+/]{40,100}={0,2}))\k<f>(?=${BODY}{${restMin},${bodyMax}}${end})`;
  return new RegExp(
    String.raw`${begin}(?:${SEP}[ \t]{5,64}(?=[A-Za-z0-9+/]))?(?<secret>${shallow}|${deep})${BODY}{0,${bodyMax}}${end}`,
  );
}

function pemRule(options: {
  id: string;
  label: string;
  title: string;
  description: string;
  minChars: number;
  maxLength: number;
  encryptionHeaders: boolean;
}): SecretRule {
  return defineSecretRule({
    id: options.id,
    title: options.title,
    description: options.description,
    keywords: [`-----begin ${options.label.toLowerCase()}-----`],
    pattern: pemPattern(options.label, options.minChars, options.maxLength, options.encryptionHeaders),
    maxLength: options.maxLength,
    minEntropy: 3.5,
    accept: pemBodyOk(options.minChars),
    references: [PEM_DOCS],
  });
}

const ROTATE =
  'Treat the key as compromised: generate a new key pair, replace the public half wherever it is trusted, ' +
  'purge the private key from the repository history, and load keys at run time from a secret store or a file outside the repository.';

export const privateKeyRules: readonly SecretRule[] = [
  pemRule({
    id: 'private-key-rsa',
    label: 'RSA PRIVATE KEY',
    title: 'RSA private key (PKCS#1)',
    description: `A PKCS#1 RSA private key lets whoever holds it sign, decrypt and authenticate as its owner (TLS server, SSH, JWT or package signing). ${ROTATE}`,
    minChars: 300,
    maxLength: 12000,
    encryptionHeaders: true,
  }),
  pemRule({
    id: 'private-key-ec',
    label: 'EC PRIVATE KEY',
    title: 'EC private key (SEC 1)',
    description: `A SEC 1 elliptic-curve private key lets whoever holds it sign and authenticate as its owner (TLS, JWT ES256, code signing). ${ROTATE}`,
    minChars: 60,
    maxLength: 2000,
    encryptionHeaders: true,
  }),
  pemRule({
    id: 'private-key-dsa',
    label: 'DSA PRIVATE KEY',
    title: 'DSA private key',
    description: `A DSA private key lets whoever holds it produce signatures as its owner. ${ROTATE}`,
    minChars: 300,
    maxLength: 4000,
    encryptionHeaders: true,
  }),
  pemRule({
    id: 'private-key-pkcs8',
    label: 'PRIVATE KEY',
    title: 'PKCS#8 private key',
    description: `An unencrypted PKCS#8 private key (RSA, EC, Ed25519 or DSA), the form cloud service-account files and most TLS tooling use, lets whoever holds it sign, decrypt and authenticate as its owner. ${ROTATE}`,
    minChars: 60,
    maxLength: 12000,
    encryptionHeaders: false,
  }),
  pemRule({
    id: 'private-key-pkcs8-encrypted',
    label: 'ENCRYPTED PRIVATE KEY',
    title: 'Encrypted PKCS#8 private key',
    description: `A passphrase-protected PKCS#8 private key. The passphrase often sits next to it in the same repository or configuration, and a weak one falls to an offline guessing attack. ${ROTATE}`,
    minChars: 100,
    maxLength: 12000,
    encryptionHeaders: false,
  }),
  defineSecretRule({
    id: 'private-key-openssh',
    title: 'OpenSSH private key',
    description: `An OpenSSH private key opens every server, Git host or deploy target that trusts its public half. ${ROTATE}`,
    keywords: ['-----begin openssh private key-----'],
    // The payload starts with the base64 of the `openssh-key-v1` magic; the lookahead checks the whole
    // block once, then the secret is the first full line (60–100 chars) without a 5-character run.
    pattern: new RegExp(
      String.raw`-----BEGIN OPENSSH PRIVATE KEY-----[ \t]{0,4}${SEP}[ \t]{0,64}(?=b3BlbnNzaC1rZXktdjE${BODY}{280,11800}-----END OPENSSH PRIVATE KEY-----)` +
        String.raw`(?:[A-Za-z0-9+/]{0,100}${SEP}[ \t]{0,64}){1,200}?(?<secret>(?:(?<c>[A-Za-z0-9+/])(?!\k<c>{4})){60,100})(?=${SEP})` +
        String.raw`(?=(?<r>${BODY}{0,11800}))\k<r>-----END OPENSSH PRIVATE KEY-----`,
    ),
    maxLength: 12000,
    minEntropy: 4,
    accept: (secret) => base64PayloadOk([secret], 60),
    references: ['https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key'],
  }),
  defineSecretRule({
    id: 'private-key-pgp',
    title: 'OpenPGP private key block',
    description: `An ASCII-armored OpenPGP secret key lets whoever holds it sign releases, commits and packages and decrypt messages as its owner. Publish its revocation certificate, create a new key, and keep secret keys out of repositories. ${ROTATE}`,
    keywords: ['-----begin pgp private key block-----'],
    pattern: new RegExp(
      String.raw`-----BEGIN PGP PRIVATE KEY BLOCK-----(?<secret>(?:${SEP}[ \t]{0,4}|[ \t])(?:[A-Za-z][A-Za-z-]{0,30}: [^\r\n\\]{0,200}${SEP}[ \t]{0,4}){0,6}(?=(?<b>${BODY}{100,11800}))\k<b>)-----END PGP PRIVATE KEY BLOCK-----`,
    ),
    maxLength: 12000,
    minEntropy: 3.5,
    accept: (secret) => {
      const lines = bodyLines(secret).filter((line) => !/^[A-Za-z][A-Za-z-]{0,30}: /.test(line));
      // Drop the armor checksum (`=` and four base64 characters), on its own line or glued to the body.
      const last = lines[lines.length - 1] ?? '';
      const payload =
        /^=[A-Za-z0-9+/]{4}$/.test(last) ? lines.slice(0, -1) : [...lines.slice(0, -1), last.replace(/=[A-Za-z0-9+/]{4}$/, '')];
      // An Ed25519 secret-key packet alone is about 118 base64 characters.
      return base64PayloadOk(payload, 100);
    },
    references: ['https://www.rfc-editor.org/rfc/rfc4880#section-6.2'],
  }),
  defineSecretRule({
    id: 'private-key-jwk',
    title: 'Private or symmetric JSON Web Key',
    description: `A JSON Web Key with its private part ("d" of an RSA, EC or OKP key) or a symmetric "oct" key ("k") signs tokens (JWT, OIDC) or decrypts data as its owner. Replace the key in the JWKS and every verifier or service that trusts it, and keep private JWKs in a key vault. ${ROTATE}`,
    keywords: ['"kty"'],
    // "kty" before or after the secret member, within the same JSON object (no braces in between).
    pattern: new RegExp(
      String.raw`(?:"kty"\s{0,4}:\s{0,4}"(?:RSA|EC|OKP)"[^{}]{0,3000}?"d"|"kty"\s{0,4}:\s{0,4}"oct"[^{}]{0,3000}?"k"` +
        String.raw`|"d"(?=\s{0,4}:\s{0,4}"[A-Za-z0-9_-]{22,1400}"[^{}]{0,3000}?"kty"\s{0,4}:\s{0,4}"(?:RSA|EC|OKP)")` +
        String.raw`|"k"(?=\s{0,4}:\s{0,4}"[A-Za-z0-9_-]{22,1400}"[^{}]{0,3000}?"kty"\s{0,4}:\s{0,4}"oct"))` +
        String.raw`\s{0,4}:\s{0,4}"(?<secret>[A-Za-z0-9_-]{22,1400})"`,
    ),
    maxLength: 4500,
    minEntropy: 3.5,
    accept: (secret) => secret.length % 4 !== 1 && /[A-Z]/.test(secret) && /[a-z]/.test(secret) && shannonEntropy(secret) >= 3.8,
    // Private keys printed in RFC 7515, 7517 and 8037, copied into many test suites.
    allowValues: [/^870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE$/, /^X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-/, /^nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A$/],
    references: ['https://www.rfc-editor.org/rfc/rfc7517#section-4', 'https://www.rfc-editor.org/rfc/rfc7518#section-6'],
  }),
  defineSecretRule({
    id: 'private-key-putty',
    title: 'PuTTY private key (PPK)',
    description: `A PuTTY .ppk private key opens every SSH server that trusts its public half. ${ROTATE}`,
    keywords: ['putty-user-key-file-'],
    // From the line break after the header through the last private line: headers and public lines,
    // then `Private-Lines: n` and the base64 private blob, then the MAC.
    pattern: new RegExp(
      String.raw`PuTTY-User-Key-File-[23]: [a-z0-9-]{3,40}(?<secret>(?:${SEP}[A-Za-z][A-Za-z0-9-]{0,30}: [^\r\n\\]{0,200}|${SEP}[A-Za-z0-9+/=]{1,100}){2,200}?${SEP}Private-Lines: \d{1,3}(?:${SEP}[A-Za-z0-9+/=]{4,100}){1,100})${SEP}Private-MAC: [0-9a-f]{40,64}(?![0-9A-Za-z])`,
    ),
    maxLength: 10000,
    minEntropy: 3.5,
    accept: (secret) => {
      const lines = secret.replace(ESCAPES, '\n').split(/\r?\n/);
      const at = lines.findIndex((line) => line.startsWith('Private-Lines:'));
      return at >= 0 && base64PayloadOk(lines.slice(at + 1).map((line) => line.trim()), 40);
    },
    references: ['https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html'],
  }),
  defineSecretRule({
    id: 'private-key-base64-pem',
    title: 'Base64-encoded PEM private key',
    description: `A PEM private key wrapped in base64, as kubeconfig \`client-key-data\`, Kubernetes Secret data and many CI variables carry it: decoding it gives the key itself. ${ROTATE}`,
    // "-----BEGIN " in base64 always starts "LS0tLS1CRUdJTi".
    keywords: ['ls0tls1crudjti'],
    pattern: /(?<![A-Za-z0-9+/])(?<secret>LS0tLS1CRUdJTi[A-Za-z0-9+/]{120,16000}={0,2})(?![A-Za-z0-9+/=])/,
    maxLength: 16100,
    minEntropy: 4,
    accept: (secret) => {
      const pem = Buffer.from(secret, 'base64').toString('latin1');
      const match = /^-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----\r?\n([\s\S]*?)-----END \1-----/.exec(pem);
      return match !== null && base64PayloadOk(bodyLines(match[2] ?? '').filter((line) => !HEADER_LINE.test(line)), 64);
    },
    references: [PEM_DOCS, 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/'],
  }),
];
