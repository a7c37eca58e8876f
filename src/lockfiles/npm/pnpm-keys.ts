import { splitNameAndRange, type NameAndRange } from './npm-spec.js';

/**
 * How one generation of pnpm-lock.yaml spells package keys and the references to them:
 * v5 `/name/1.0.0_peer@2.0.0`, v6 `/name@1.0.0(peer@2.0.0)`, v9 `name@1.0.0(peer@2.0.0)`.
 */
export interface PnpmKeyLayout {
  /** The package key a dependency reference points to; undefined for links to the project's own folders. */
  keyOfReference(name: string, reference: string): string | undefined;
  /** The name and plain version (peer suffix dropped) a registry package key states. */
  nameAndVersionOfKey(key: string): NameAndRange | undefined;
}

/** The reference without its peer suffix: `1.2.0(react@18.2.0)` → `1.2.0`. */
function withoutPeerParentheses(text: string): string {
  const open = text.indexOf('(');
  return open < 0 ? text : text.slice(0, open);
}

/** Name and version of `name@version`, or undefined when either is missing. */
function nameAtVersion(text: string): NameAndRange | undefined {
  const parsed = splitNameAndRange(text);
  return parsed.name === '' || parsed.range === '' ? undefined : parsed;
}

export const pnpmV5Keys: PnpmKeyLayout = {
  keyOfReference(name, reference) {
    if (reference.startsWith('link:')) return undefined;
    // Versions never contain `_`, so whatever follows the first one is the peer suffix.
    const head = reference.split('_', 1)[0] ?? reference;
    return head.includes('/') ? reference : `/${name}/${reference}`;
  },
  nameAndVersionOfKey(key) {
    if (!key.startsWith('/')) return undefined;
    const segments = key.slice(1).split('/');
    const nameLength = segments[0]?.startsWith('@') === true ? 2 : 1;
    const name = segments.slice(0, nameLength).join('/');
    const version = segments.slice(nameLength).join('/').split('_', 1)[0] ?? '';
    return name === '' || version === '' ? undefined : { name, range: version };
  },
};

export const pnpmV6Keys: PnpmKeyLayout = {
  keyOfReference(name, reference) {
    if (reference.startsWith('link:')) return undefined;
    // `/string-width@4.2.3` (an alias) and `github.com/…` are keys already.
    return withoutPeerParentheses(reference).includes('/') ? reference : `/${name}@${reference}`;
  },
  nameAndVersionOfKey(key) {
    return key.startsWith('/') ? nameAtVersion(withoutPeerParentheses(key.slice(1))) : undefined;
  },
};

export const pnpmV9Keys: PnpmKeyLayout = {
  keyOfReference(name, reference) {
    if (reference.startsWith('link:')) return undefined;
    // An alias refers to `real-name@1.0.0`; a URL (`git+ssh://git@host/…`) has a `:` before its `@`.
    const head = withoutPeerParentheses(reference);
    const at = head.indexOf('@', 1);
    return at > 0 && !head.slice(0, at).includes(':') ? reference : `${name}@${reference}`;
  },
  nameAndVersionOfKey(key) {
    return nameAtVersion(withoutPeerParentheses(key));
  },
};

/** The key of a v9 `snapshots` entry's `packages` entry: the same key without the peer suffix. */
export function packageKeyOfSnapshot(snapshotKey: string): string {
  return withoutPeerParentheses(snapshotKey);
}

/** Picks the key layout from `lockfileVersion` (a number in v5, a string since v6). */
export function keyLayoutOf(lockfileVersion: unknown): { readonly layout: PnpmKeyLayout; readonly major: number } | undefined {
  const major = Number.parseInt(String(lockfileVersion), 10);
  if (!Number.isFinite(major)) return undefined;
  if (major <= 5) return { layout: pnpmV5Keys, major };
  if (major < 9) return { layout: pnpmV6Keys, major };
  return { layout: pnpmV9Keys, major };
}
