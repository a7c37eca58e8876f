import { extractHtml } from '../crawl/html.js';
import { isHtml, type Exchange } from '../http/types.js';
import { defineDastRule, type PassiveCheck, type PassiveHit } from './types.js';

export const mixedContent = defineDastRule({
  id: 'dast-mixed-content',
  title: 'Mixed content: HTTPS page loads resources over HTTP',
  description: 'An HTTPS page loads scripts, styles, frames or media over plain HTTP; anyone on the network can change them and, for scripts, take over the page.',
  severity: 'medium',
  cwe: [311],
  owasp: ['A02:2021'],
  references: ['https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content'],
  remediation: 'Load every resource over HTTPS (or with a relative URL).',
});

export const mixedContentCheck: PassiveCheck = {
  family: 'mixed-content',
  rules: [mixedContent],
  inspect(exchange: Exchange): PassiveHit[] {
    if (!exchange.request.url.toLowerCase().startsWith('https:') || !isHtml(exchange.response)) return [];
    const insecure = extractHtml(exchange.response.body, exchange.request.url).resources.filter((url) => url.startsWith('http:'));
    const first = insecure[0];
    return first === undefined ? [] : [{ rule: mixedContent, summary: `Loaded over HTTP: ${insecure.slice(0, 5).join(', ')}`, param: first, per: 'path' }];
  },
};
