/**
 * Values that stand for a secret rather than being one: documentation examples, masks, templates,
 * typed-out sequences. Applied to every rule's secret, so a provider rule need not repeat them.
 */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|your[_-]?|redacted|changeme|replace[_-]?me|insert[_-]|xxxx|abcdef|123456|fake[_-]?(key|token|secret)|not[_-]?a?[_-]?real|thisis/i;
const TEMPLATE_MARKERS = /\$\{|\{\{|\}\}|<[A-Za-z_-]+>|%\(|\$\(|\[\[|\bprocess\.env\b|\benv\(/;
const REPEATED_RUN = /(.)\1{4,}/;
// Random text steps by +1 between neighbours (or every other character) about 3% of the time.
const SEQUENCE_SHARE = 0.5;
const SEQUENCE_MIN_LENGTH = 12;

/** True for typed-out runs like `1a2b3c4d5e6f7g8h` or `abcdefgh12345678`. */
function isMostlySequence(secret: string): boolean {
  const body = secret.replace(/[^A-Za-z0-9]/g, '');
  if (body.length < SEQUENCE_MIN_LENGTH) return false;
  let steps = 0;
  for (let i = 0; i + 1 < body.length; i++) {
    const next = body.charCodeAt(i + 1) - body.charCodeAt(i) === 1;
    const skip = i + 2 < body.length && body.charCodeAt(i + 2) - body.charCodeAt(i) === 1;
    if (next || skip) steps++;
  }
  return steps / (body.length - 1) >= SEQUENCE_SHARE;
}

export function isPlaceholderSecret(secret: string): boolean {
  return PLACEHOLDER_WORDS.test(secret) || TEMPLATE_MARKERS.test(secret) || REPEATED_RUN.test(secret) || isMostlySequence(secret);
}
