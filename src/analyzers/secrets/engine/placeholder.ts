/**
 * Values that stand for a secret rather than being one: documentation examples, masks, templates.
 * Applied to every rule's secret, so a provider rule need not repeat them.
 */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|your[_-]?|redacted|changeme|replace[_-]?me|insert[_-]|xxxx|abcdef|123456|fake[_-]?(key|token|secret)|notreal|not[_-]a[_-]real/i;
const TEMPLATE_MARKERS = /\$\{|\{\{|\}\}|<[A-Za-z_-]+>|%\(|\$\(|\[\[|\bprocess\.env\b|\benv\(/;
const REPEATED_RUN = /(.)\1{4,}/;

export function isPlaceholderSecret(secret: string): boolean {
  return PLACEHOLDER_WORDS.test(secret) || TEMPLATE_MARKERS.test(secret) || REPEATED_RUN.test(secret);
}
