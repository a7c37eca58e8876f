import { requestWith } from '../active/target.js';
import { defineDastRule, type ActiveCheck, type ActiveHit } from './types.js';

export const pathTraversal = defineDastRule({
  id: 'dast-path-traversal',
  title: 'Path traversal / local file inclusion',
  description: 'A parameter names a file on the server without being confined to a folder, so an attacker can read any file the server can (configuration, keys, source code).',
  severity: 'high',
  cwe: [22],
  owasp: ['A01:2021'],
  references: ['https://owasp.org/www-community/attacks/Path_Traversal'],
  remediation: 'Map user input to files through an allow-list or an id, or resolve the path and check it stays inside the intended folder; never pass user input to file APIs as is.',
});

const UP = '../'.repeat(10);
export const TRAVERSAL_PAYLOADS: readonly string[] = [
  `${UP}etc/passwd`,
  '/etc/passwd',
  `${'....//'.repeat(10)}etc/passwd`,
  `${'..%2f'.repeat(10)}etc%2fpasswd`,
  `${UP}etc/passwd\u0000.png`,
  'file:///etc/passwd',
  `${'..\\'.repeat(10)}windows\\win.ini`,
  'C:\\Windows\\win.ini',
];

const FILE_PROOFS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: '/etc/passwd', pattern: /root:[^:\r\n]{0,20}:0:0:/ },
  { name: 'win.ini', pattern: /; for 16-bit app support|\[(fonts|extensions|mci extensions)\]\s*\r?\n/i },
];

export function fileProof(text: string): { name: string; match: string } | undefined {
  for (const proof of FILE_PROOFS) {
    const match = proof.pattern.exec(text);
    if (match) return { name: proof.name, match: match[0].trim() };
  }
  return undefined;
}

export const pathTraversalCheck: ActiveCheck = {
  family: 'path-traversal',
  rules: [pathTraversal],
  async attackPoint(point, ctx): Promise<ActiveHit[]> {
    if (fileProof(ctx.baseline.response.body)) return [];
    // In a path segment the payload replaces the segment; elsewhere it replaces the value.
    const payloads = point.where === 'path' ? TRAVERSAL_PAYLOADS.filter((p) => !p.includes(':')) : TRAVERSAL_PAYLOADS;
    for (const payload of payloads) {
      const exchange = await ctx.send(requestWith(point.target, point, payload));
      const proof = exchange ? fileProof(exchange.response.body) : undefined;
      if (exchange && proof) return [{ rule: pathTraversal, summary: `${JSON.stringify(payload)} returned the contents of ${proof.name}: ${proof.match}`, exchange }];
    }
    return [];
  },
};
