import { baseRequest } from '../active/target.js';
import { header } from '../http/types.js';
import { defineDastRule, type ActiveCheck, type ActiveHit } from './types.js';

const REF = 'https://portswigger.net/web-security/cors';

export const corsReflected = defineDastRule({
  id: 'dast-cors-reflected-origin',
  title: 'CORS: any origin allowed with credentials',
  description: 'The server copies the request\'s Origin into Access-Control-Allow-Origin and allows credentials, so any website can read this site\'s responses with the visitor\'s cookies.',
  severity: 'high',
  cwe: [942],
  owasp: ['A05:2021'],
  references: [REF],
  remediation: 'Compare Origin with an allow-list of trusted origins before echoing it; never allow credentials for arbitrary origins.',
});

export const corsNull = defineDastRule({
  id: 'dast-cors-null-origin',
  title: 'CORS: null origin allowed',
  description: 'The server allows the `null` origin, which sandboxed iframes and local files can send, so any site can read responses through a sandboxed frame.',
  severity: 'medium',
  cwe: [942],
  owasp: ['A05:2021'],
  references: [REF],
  remediation: 'Never allow the `null` origin.',
});

export const corsWildcardCredentials = defineDastRule({
  id: 'dast-cors-wildcard-credentials',
  title: 'CORS: wildcard origin with credentials',
  description: 'The server sends `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`, a misconfiguration that shows the policy was not thought through (browsers refuse the pair, but proxies and clients may not).',
  severity: 'low',
  cwe: [942],
  owasp: ['A05:2021'],
  references: [REF],
  remediation: 'Use an explicit allow-list of origins when credentials are allowed.',
});

export const corsCheck: ActiveCheck = {
  family: 'cors',
  rules: [corsReflected, corsNull, corsWildcardCredentials],
  async attackTarget(target, ctx): Promise<ActiveHit[]> {
    if (target.method !== 'GET') return [];
    const base = baseRequest(target);
    const evil = `https://bwk-${ctx.marker()}.example`;
    const hits: ActiveHit[] = [];
    const reflected = await ctx.send({ ...base, headers: { ...(base.headers ?? {}), Origin: evil } });
    if (reflected) {
      const allow = header(reflected.response, 'access-control-allow-origin');
      const credentials = (header(reflected.response, 'access-control-allow-credentials') ?? '').toLowerCase() === 'true';
      if (allow === evil && credentials) hits.push({ rule: corsReflected, summary: `Origin ${evil} was echoed in Access-Control-Allow-Origin with Access-Control-Allow-Credentials: true`, exchange: reflected });
      if (allow === '*' && credentials) hits.push({ rule: corsWildcardCredentials, summary: 'Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true', exchange: reflected });
    }
    const nulled = await ctx.send({ ...base, headers: { ...(base.headers ?? {}), Origin: 'null' } });
    if (nulled && header(nulled.response, 'access-control-allow-origin') === 'null') {
      hits.push({ rule: corsNull, summary: 'Origin: null was allowed (Access-Control-Allow-Origin: null)', exchange: nulled });
    }
    return hits;
  },
};
