import { randomBytes } from 'node:crypto';
import type { Finding, ReportType } from '../../../core/finding.js';
import type { ActiveCheck, ActiveContext, ActiveHit } from '../checks/types.js';
import { storedXss } from '../checks/xss.js';
import { dastFinding } from '../findings.js';
import type { HttpClient } from '../http/client.js';
import { isHtml, type Exchange, type HttpRequest } from '../http/types.js';
import { delay } from '../http/rate-limit.js';
import type { Canary } from './canary.js';
import { baseRequest, injectionPoints, type AttackTarget, type InjectionPoint } from './target.js';

export interface ActiveOptions {
  readonly checks: readonly ActiveCheck[];
  readonly canary: Canary;
  readonly timeDelayMs: number;
  readonly reportType: ReportType;
  /** Targets attacked at once; the client's rate limit still applies to all of them. */
  readonly parallel: number;
  readonly maxPointsPerTarget: number;
  readonly signal?: AbortSignal;
  /** Called before each target: re-login when the session was lost. */
  readonly beforeTarget?: () => Promise<void>;
  /** With a login: tells when a response shows the session was lost, and logs in again. */
  readonly session?: {
    wasSentToLogin(hops: readonly Exchange[]): boolean;
    renew(): Promise<boolean>;
  };
  /** Sees every attack exchange with the target it was made for (passive checks on responses). */
  readonly inspect?: (exchange: Exchange, target: AttackTarget) => void;
}

interface Remembered {
  readonly marker: string;
  readonly needle: string;
  readonly point: InjectionPoint;
  readonly exchange: Exchange;
}

function newMarker(): string {
  // Letters first, so the marker is a valid tag and attribute name.
  return `bwk${randomBytes(5).toString('hex')}`;
}

function newFactors(): readonly [number, number] {
  const pick = (): number => 1000 + (randomBytes(2).readUInt16BE(0) % 8000);
  return [pick(), pick()];
}

function placeOf(point: InjectionPoint | undefined, target: AttackTarget, hit: ActiveHit): { method: string; url: string; param: string } {
  return hit.location ?? { method: target.method, url: target.url, param: point?.name ?? '' };
}

/** Attacks every target's injection points with every active check; then looks for stored payloads. */
// How long after the last attack a deferred out-of-band probe may still arrive.
const CANARY_GRACE_MS = 1000;

export async function runActive(client: HttpClient, targets: readonly AttackTarget[], revisit: readonly string[], options: ActiveOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const remembered: Remembered[] = [];
  const deferred: { token: string; hit: ActiveHit; target: AttackTarget; point: InjectionPoint | undefined }[] = [];
  const sendRaw = async (req: HttpRequest): Promise<Exchange | undefined> => {
    const result = await client.send(req);
    if (!result.ok) return undefined;
    // Sent to the login page mid-attack: log in again and repeat the request once.
    if (options.session?.wasSentToLogin([result.value]) === true && (await options.session.renew())) {
      const again = await client.send(req);
      return again.ok ? again.value : undefined;
    }
    return result.value;
  };
  const record = (hits: ActiveHit[], target: AttackTarget, point: InjectionPoint | undefined): void => {
    for (const hit of hits) findings.push(dastFinding(hit.rule, options.reportType, placeOf(point, target, hit), hit.summary, hit.exchange, hit.supporting ?? []));
  };

  const aborted = (): boolean => options.signal?.aborted === true;
  const attackTarget = async (target: AttackTarget): Promise<void> => {
    if (aborted()) return;
    await options.beforeTarget?.();
    const send = async (req: HttpRequest): Promise<Exchange | undefined> => {
      const exchange = await sendRaw(req);
      if (exchange) options.inspect?.(exchange, target);
      return exchange;
    };
    const baseline = await send(baseRequest(target));
    if (!baseline) return;
    const ctx: ActiveContext = {
      send,
      baseline,
      canary: options.canary,
      timeDelayMs: options.timeDelayMs,
      marker: newMarker,
      factors: newFactors,
      remember: (marker, point, exchange, needle) => remembered.push({ marker, point, exchange, needle }),
      deferCanary: (token, hit, point) => deferred.push({ token, hit, target, point }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    };
    const points = injectionPoints(target).slice(0, options.maxPointsPerTarget);
    const found = new Set<string>();
    for (const check of options.checks) {
      if (check.attackTarget) record(await check.attackTarget(target, ctx), target, undefined);
      if (!check.attackPoint) continue;
      for (const point of points) {
        if (aborted()) return;
        // One proof per rule and parameter is enough; the other payloads would only repeat it.
        if (check.rules.every((rule) => found.has(`${rule.id} ${point.name}`))) continue;
        const hits = await check.attackPoint(point, ctx);
        for (const hit of hits) found.add(`${hit.rule.id} ${point.name}`);
        record(hits, target, point);
      }
    }
  };

  const queue = [...targets];
  const workers = Array.from({ length: Math.max(1, options.parallel) }, async () => {
    for (let target = queue.shift(); target !== undefined; target = queue.shift()) await attackTarget(target);
  });
  await Promise.all(workers);
  if (deferred.length > 0) {
    await delay(CANARY_GRACE_MS, options.signal);
    for (const item of deferred) if (await options.canary.wasHit(item.token, 0)) record([item.hit], item.target, item.point);
  }
  if (remembered.length > 0) findings.push(...(await sweepStored(sendRaw, revisit, remembered, options.reportType)));
  return findings;
}

/** Fetch the pages again and look for the tags the stored-XSS probes left. */
async function sweepStored(send: (req: HttpRequest) => Promise<Exchange | undefined>, pages: readonly string[], remembered: readonly Remembered[], reportType: ReportType): Promise<Finding[]> {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const url of pages) {
    const exchange = await send({ method: 'GET', url });
    if (!exchange || !isHtml(exchange.response)) continue;
    for (const item of remembered) {
      const key = `${item.point.target.method} ${item.point.target.url} ${item.point.name}`;
      if (reported.has(key) || !exchange.response.body.includes(item.needle)) continue;
      reported.add(key);
      findings.push(
        dastFinding(
          storedXss,
          reportType,
          { method: item.point.target.method, url: item.point.target.url, param: item.point.name },
          `The tag ${item.needle} submitted in "${item.point.name}" to ${item.point.target.method} ${item.point.target.url} was later served unescaped by ${url}`,
          exchange,
          [{ name: 'Submission', exchange: item.exchange }],
        ),
      );
    }
  }
  return findings;
}
