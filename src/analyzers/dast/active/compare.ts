import type { Exchange } from '../http/types.js';
import { encodeValue } from './target.js';

// Pages of this many lines or more are compared on a sample, so comparison stays cheap.
const MAX_LINES = 5000;

function variants(payload: string): string[] {
  const escaped = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const alt = payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#x27;');
  return [...new Set([payload, escaped, alt, encodeValue(payload), JSON.stringify(payload).slice(1, -1)])].filter((v) => v !== '').sort((a, b) => b.length - a.length);
}

/** A body with the injected values (as sent, HTML-escaped, URL-encoded) removed, split in lines. */
export function normalisedLines(exchange: Exchange, injected: readonly string[]): string[] {
  let body = exchange.response.body;
  for (const value of injected) for (const variant of variants(value)) if (variant.length > 0) body = body.split(variant).join('');
  return body.split(/\r?\n|(?=<)/).map((line) => line.trim()).filter((line) => line !== '').slice(0, MAX_LINES);
}

/** Share of lines two responses have in common (multiset), 1 when both are empty. */
export function similarity(a: Exchange, b: Exchange, injected: readonly string[]): number {
  if (a.response.status !== b.response.status) return 0;
  const left = normalisedLines(a, injected);
  const right = normalisedLines(b, injected);
  if (left.length === 0 && right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const line of left) counts.set(line, (counts.get(line) ?? 0) + 1);
  let common = 0;
  for (const line of right) {
    const n = counts.get(line) ?? 0;
    if (n > 0) {
      common++;
      counts.set(line, n - 1);
    }
  }
  return common / Math.max(left.length, right.length);
}

export const SIMILAR = 0.98;

export function isSimilar(a: Exchange, b: Exchange, injected: readonly string[]): boolean {
  return similarity(a, b, injected) >= SIMILAR;
}
