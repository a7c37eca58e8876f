import type { Advisory } from '../core/advisory.js';

/**
 * One line of `records.jsonl`: `{"s":<source number>,"a":<advisory>}`. The source number points
 * into the manifest's `sources`, so the next import knows where each kept record came from.
 */
export function encodeRecordLine(source: number, advisoryJson: string): string {
  return `{"s":${source},"a":${advisoryJson}}\n`;
}

/** A stored line back to its parts, or undefined if the line is damaged. */
export function decodeRecordLine(text: string): { source: number; advisory: Advisory } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { s: source, a: advisory } = value as { s?: unknown; a?: unknown };
  if (typeof source !== 'number' || typeof advisory !== 'object' || advisory === null) return undefined;
  // Bulwark wrote this record from a checked `Advisory`; only the identity is re-checked here.
  if (typeof (advisory as { id?: unknown }).id !== 'string' || !Array.isArray((advisory as { affected?: unknown }).affected)) return undefined;
  return { source, advisory: advisory as Advisory };
}
