import type { SecretRule } from '../rule.js';
import { SECRET_RULES } from '../rules/index.js';

/**
 * Cheap necessary conditions for the rules that cost the most on ordinary code: a search window
 * in which the hint fails cannot hold a match of the rule, so its full pattern (look-behinds and
 * alternations tried at every position) is not run there.
 *
 * Each hint is read off its rule's pattern: a run of characters, or a literal-led piece, that every
 * match contains. It only decides faster and never changes what a rule finds; keep it in step with
 * the pattern (`window-hints.test.ts` checks every hint against every match in the rule fixtures and
 * the evaluation cases). Hints apply to the built-in rule objects only, never to a custom rule that
 * reuses an id.
 */
export type WindowHint = (window: string) => boolean;

/** A lookup table of the characters a class accepts (latin1 text, so codes stay below 256). */
function charClass(ranges: string): Uint8Array {
  const table = new Uint8Array(256);
  for (let i = 0; i < ranges.length; i++) {
    if (ranges[i + 1] === '-' && i + 2 < ranges.length) {
      for (let code = ranges.charCodeAt(i); code <= ranges.charCodeAt(i + 2); code++) table[code] = 1;
      i += 2;
    } else {
      table[ranges.charCodeAt(i)] = 1;
    }
  }
  return table;
}

function inClass(table: Uint8Array, code: number): boolean {
  return code < 256 && table[code] === 1;
}

/**
 * True when `text` holds `length` consecutive characters of the class. Checks the last character a
 * run starting at `start` would need first: when it is outside the class, no run can cover it and
 * the search jumps past it, so a long window costs about `text.length / length` lookups. (The same
 * test as a regular expression, `[…]{40}`, retries every position and is 20–100 times slower.)
 */
function hasRun(text: string, table: Uint8Array, length: number): boolean {
  let start = 0;
  let end = length - 1;
  while (end < text.length) {
    if (!inClass(table, text.charCodeAt(end))) {
      start = end + 1;
      end = start + length - 1;
      continue;
    }
    let k = end - 1;
    while (k >= start && inClass(table, text.charCodeAt(k))) k--;
    if (k < start) return true;
    start = k + 1;
    end = start + length - 1;
  }
  return false;
}

function run(ranges: string, length: number): WindowHint {
  const table = charClass(ranges);
  return (window) => hasRun(window, table, length);
}

function has(pattern: RegExp): WindowHint {
  return (window) => pattern.test(window);
}

function either(first: RegExp, second: RegExp): WindowHint {
  return (window) => first.test(window) || second.test(window);
}

const ALNUM = 'A-Za-z0-9';
const TOKEN_CHARS = 'A-Za-z0-9_-';
const HEX = '0-9a-f';

// scheme://user:password@host (connection-string.ts uriPattern): `://`, a user without `:`, `:`, the password, `@`.
const URI_WITH_PASSWORD = has(/:\/\/[^\s:/?#'"`<>\\]{0,64}:[^\s/'"`<>\\]{1,128}@/);

/**
 * generic-api-key: its name ends in one of API_KEY_WORD's words before `key` (`api_key`, `accessKey`,
 * `hmac-key`…), not a bare `key:`, which minified code has in every other object literal. Found as
 * `key` plus the assignment (a literal-led search), then the word before it: the same test as one
 * regular expression led by the alternation costs as much as the rule's own pattern.
 */
const KEY_ASSIGNMENT = /key["'`]?\]?[ \t]{0,4}[:=,]/gi;
const API_KEY_NAME = /(?:api|access|auth|app|private|signing|encryption|master|subscription|hmac)[_ -]?$/i;
const API_KEY_ASSIGNMENT: WindowHint = (window) => {
  KEY_ASSIGNMENT.lastIndex = 0;
  for (let match = KEY_ASSIGNMENT.exec(window); match !== null; match = KEY_ASSIGNMENT.exec(window)) {
    if (API_KEY_NAME.test(window.slice(Math.max(0, match.index - 13), match.index))) return true;
  }
  return false;
};

const HINTS: Readonly<Record<string, WindowHint>> = {
  // EAA[A-Za-z0-9]{80,400} (`i` flag: the same class). Source maps are full of `EAA`.
  'facebook-access-token': run(ALNUM, 83),
  // (?<secret>[0-9a-f]{32}) under the `i` flag.
  'facebook-app-secret': run(`${HEX}A-F`, 32),
  // AC[0-9a-f]{32}, then the auth token. `AC` is everywhere in source maps.
  'twilio-account-credentials': run(HEX, 32),
  // pat[A-Za-z0-9]{14}\.[0-9a-f]{64}
  'airtable-personal-access-token': run(HEX, 64),
  // EAAA[A-Za-z0-9_-]{60}
  'square-access-token': run(TOKEN_CHARS, 64),
  // (?<secret>[A-Za-z0-9_-]{40})
  'cloudflare-legacy-api-token': run(TOKEN_CHARS, 40),
  // [MNO][A-Za-z0-9_-]{23,27}\.… (`i` flag: M, N, O and m, n, o are all in the class)
  'discord-bot-token': run(TOKEN_CHARS, 24),
  // [0-9]{6,12}:[A-Za-z0-9_-]{35}
  'telegram-bot-token': run(TOKEN_CHARS, 35),
  // (?<secret>[A-Za-z0-9/+]{40}) (`i` flag: the same class)
  'aws-secret-access-key': run(`${ALNUM}/+`, 40),
  // (?<secret>[A-Za-z0-9]{30})
  'alibaba-access-key-secret': run(ALNUM, 30),
  // (?<secret>[A-Za-z0-9+/]{86}==)
  'azure-storage-account-key': run(`${ALNUM}+/`, 86),
  // st\.(?:uuid|[0-9a-f]{24})\.[0-9a-f]{32}
  'infisical-service-token': run(HEX, 32),
  // api-<uuid> (`i` flag)
  'launchdarkly-access-token': has(/api-[0-9a-f]{8}-[0-9a-f]{4}-/i),
  ...Object.fromEntries(
    ['url-credentials', 'database', 'postgres', 'mysql', 'mongodb', 'redis', 'amqp', 'mssql'].map((kind) => [`connection-string-${kind}`, URI_WITH_PASSWORD]),
  ),
  // Assignment rules (generic.ts): the name ends in the word, then ["'`]?\]?[ \t]{0,4} and one of `:`, `=`, `,`.
  'generic-api-key': API_KEY_ASSIGNMENT,
  'generic-token': has(/token["'`]?\]?[ \t]{0,4}[:=,]/i),
  // PASSWORD_WORD: password, passwd, passwort, passphrase, pass or pwd; two literal-led searches.
  'generic-password': either(/pass(?:word|wd|wort|phrase)?["'`]?\]?[ \t]{0,4}[:=,]/i, /pwd["'`]?\]?[ \t]{0,4}[:=,]/i),
};

let byRule: Map<SecretRule, WindowHint> | undefined;

/** The hint for a built-in rule, if it has one. */
export function windowHint(rule: SecretRule): WindowHint | undefined {
  byRule ??= new Map(SECRET_RULES.filter((r) => HINTS[r.meta.id] !== undefined).map((r) => [r, HINTS[r.meta.id] as WindowHint]));
  return byRule.get(rule);
}

/** Rule ids that have a hint (for tests). */
export const HINTED_RULE_IDS: readonly string[] = Object.keys(HINTS);

/** Exposed for tests: the run search against a plain scan. */
export const hasRunForTest = hasRun;
export const charClassForTest = charClass;
