import { createHash } from 'node:crypto';

/** Show enough of a secret to recognise it, never enough to use it. */
export function maskSecret(raw: string): string {
  // A key body starts after a line break or a `\n` escape: show its first real characters.
  const secret = raw.replace(/^(?:\s|\\{1,2}[rn])+/, '');
  const visible = secret.length >= 20 ? 6 : secret.length >= 10 ? 3 : 1;
  return `${secret.slice(0, visible)}${'*'.repeat(Math.min(12, secret.length - visible))}`;
}

/** A stable identity for a secret value that does not reveal it (baselines, history dedup). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'latin1').digest('hex');
}
