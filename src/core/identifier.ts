/** A finding identifier: a rule id, CVE, CWE, OWASP category, GHSA… */
export interface Identifier {
  readonly type: string;
  readonly name: string;
  readonly value: string;
  readonly url?: string;
}

/** The first identifier is the primary one; a finding always has at least one. */
export type Identifiers = readonly [Identifier, ...Identifier[]];

export function cweIdentifier(cwe: number): Identifier {
  return {
    type: 'cwe',
    name: `CWE-${cwe}`,
    value: String(cwe),
    url: `https://cwe.mitre.org/data/definitions/${cwe}.html`,
  };
}

/** CWE and WASC ids classify rather than identify; GitLab ignores them for deduplication. */
export function isTypeIdentifier(identifier: Identifier): boolean {
  const type = identifier.type.toLowerCase();
  return type === 'cwe' || type === 'wasc';
}
