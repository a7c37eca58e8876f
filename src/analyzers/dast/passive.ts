import type { Finding, ReportType } from '../../core/finding.js';
import type { PassiveCheck } from './checks/types.js';
import { dastFinding } from './findings.js';
import { splitUrl, urlPath, type Exchange } from './http/types.js';

// A finding per site (a missing header) or per page (a stack trace): enough to act on, bounded.
const MAX_PASSIVE_FINDINGS = 2000;

/** Runs the passive checks on exchanges and keeps one finding per (rule, host, path or site, param). */
export class PassiveScanner {
  private readonly found = new Map<string, Finding>();

  constructor(
    private readonly checks: readonly PassiveCheck[],
    private readonly reportType: ReportType,
  ) {}

  /**
   * `place` names where the finding belongs when the exchange was an attack: the target's own URL,
   * not the mutated one, so a stack trace provoked by forty payloads is one finding.
   */
  inspect(exchange: Exchange, families?: ReadonlySet<string>, place?: { method: string; url: string }): void {
    const url = place?.url ?? exchange.request.url;
    const method = place?.method ?? exchange.request.method;
    const origin = splitUrl(url)?.origin ?? '';
    const path = urlPath(url);
    for (const check of this.checks) {
      if (families && !families.has(check.family)) continue;
      for (const hit of check.inspect(exchange)) {
        const key = `${hit.rule.id} ${origin} ${hit.per === 'path' ? `${method} ${path}` : ''} ${hit.param}`;
        if (this.found.has(key) || this.found.size >= MAX_PASSIVE_FINDINGS) continue;
        this.found.set(key, dastFinding(hit.rule, this.reportType, { method, url, param: hit.param }, hit.summary, exchange));
      }
    }
  }

  findings(): Finding[] {
    return [...this.found.values()];
  }
}
