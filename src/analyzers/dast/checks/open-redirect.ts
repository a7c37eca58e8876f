import { requestWith, type InjectionPoint } from '../active/target.js';
import { header } from '../http/types.js';
import { defineDastRule, type ActiveCheck, type ActiveHit } from './types.js';

export const openRedirect = defineDastRule({
  id: 'dast-open-redirect',
  title: 'Open redirect',
  description: 'A parameter decides where the application redirects the browser, to any site; attackers use such links to lend a trusted domain to phishing pages.',
  severity: 'medium',
  cwe: [601],
  owasp: ['A01:2021'],
  references: ['https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html'],
  remediation: 'Redirect only to relative paths or to an allow-list of hosts; reject absolute and protocol-relative URLs from input.',
});

const NAME_HINT = /url|uri|redir|next|return|goto|dest|continue|target|forward|callback|back|path|to$/i;

function looksLikeRedirectParam(point: InjectionPoint): boolean {
  return NAME_HINT.test(point.name) || /^(https?:)?\/\//i.test(point.original) || point.original.startsWith('/');
}

/** The host a redirect sends the browser to: Location, or a meta refresh / script location in the body. */
function redirectHost(location: string | undefined, body: string, base: string): string | undefined {
  const candidates: string[] = [];
  if (location !== undefined) candidates.push(location);
  const meta = /<meta[^>]{0,200}http-equiv=["']?refresh["']?[^>]{0,200}url=([^"'>\s]+)/i.exec(body.slice(0, 50_000))?.[1];
  if (meta !== undefined) candidates.push(meta);
  const script = /(?:window\.|document\.)?location(?:\.href)?\s*=\s*["']([^"']{1,500})["']/i.exec(body.slice(0, 50_000))?.[1];
  if (script !== undefined) candidates.push(script);
  for (const candidate of candidates) {
    try {
      return new URL(candidate.trim(), base).hostname;
    } catch {
      continue;
    }
  }
  return undefined;
}

export const openRedirectCheck: ActiveCheck = {
  family: 'open-redirect',
  rules: [openRedirect],
  async attackPoint(point, ctx): Promise<ActiveHit[]> {
    if (!looksLikeRedirectParam(point)) return [];
    const host = `bwk-${ctx.marker()}.example`;
    for (const payload of [`https://${host}/`, `//${host}/`, `/\\${host}/`, `https:${host}`]) {
      // The client never follows this: the canary host is outside the scope by construction.
      const exchange = await ctx.send(requestWith(point.target, point, payload));
      if (!exchange) continue;
      const where = redirectHost(header(exchange.response, 'location'), exchange.response.body, exchange.request.url);
      if (where === host) {
        return [{ rule: openRedirect, summary: `${JSON.stringify(payload)} redirected to ${host} (status ${exchange.response.status}, Location: ${header(exchange.response, 'location') ?? 'in page'})`, exchange }];
      }
    }
    return [];
  },
};
