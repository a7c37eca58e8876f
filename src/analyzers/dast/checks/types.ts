import type { RuleMeta } from '../../../core/rule.js';
import type { Canary } from '../active/canary.js';
import type { AttackTarget, InjectionPoint } from '../active/target.js';
import type { Exchange, HttpRequest } from '../http/types.js';

/** A DAST rule: RuleMeta plus the advice a report shows. Ids are stable (they feed the finding UUID). */
export interface DastRuleMeta extends RuleMeta {
  readonly remediation: string;
}

export function defineDastRule(input: Omit<DastRuleMeta, 'tags' | 'confidence' | 'references'> & Partial<Pick<DastRuleMeta, 'tags' | 'confidence' | 'references'>>): DastRuleMeta {
  return { confidence: 'high', references: [], tags: ['dast'], ...input };
}

/** What a passive check saw in one exchange. */
export interface PassiveHit {
  readonly rule: DastRuleMeta;
  readonly summary: string;
  /** Header or cookie name, or the matched item; part of the location. */
  readonly param: string;
  /**
   * `host`: one finding per site however many pages show it (a missing header);
   * `path`: one per page (a stack trace on this page).
   */
  readonly per: 'host' | 'path';
}

export interface PassiveCheck {
  readonly family: string;
  readonly rules: readonly DastRuleMeta[];
  inspect(exchange: Exchange): PassiveHit[];
}

/** What an active check proved, with the exchange that proves it. */
export interface ActiveHit {
  readonly rule: DastRuleMeta;
  readonly summary: string;
  readonly exchange: Exchange;
  /** Other exchanges that support it: the unmodified request, confirmations. */
  readonly supporting?: readonly { readonly name: string; readonly exchange: Exchange }[];
  /** Overrides the point's own location (stored XSS is found where it is shown). */
  readonly location?: { readonly method: string; readonly url: string; readonly param: string };
}

export interface ActiveContext {
  /** Send through the scan's client; undefined when the request failed or was refused. */
  send(req: HttpRequest): Promise<Exchange | undefined>;
  /** The unmodified request's exchange. */
  readonly baseline: Exchange;
  readonly canary: Canary;
  /** Delay for time-based checks, in milliseconds. */
  readonly timeDelayMs: number;
  /** A fresh marker: lower-case letters and digits, unlikely to occur on any page. */
  marker(): string;
  /** A number pair for arithmetic probes whose product is unlikely on any page. */
  factors(): readonly [number, number];
  readonly signal?: AbortSignal;
  /**
   * An out-of-band probe whose canary was not hit yet: the scan checks again once after all
   * attacks, so a slow or queued fetch still counts without every probe waiting for it.
   */
  deferCanary(token: string, hit: ActiveHit, point?: InjectionPoint): void;
  /** Remember an injected value that may show up later on another page (stored XSS). */
  remember(marker: string, point: InjectionPoint, exchange: Exchange, needle: string): void;
}

export interface ActiveCheck {
  readonly family: string;
  readonly rules: readonly DastRuleMeta[];
  /** Per injection point (query, form field, JSON field, path segment). */
  attackPoint?(point: InjectionPoint, ctx: ActiveContext): Promise<ActiveHit[]>;
  /** Per target, for checks on the request as a whole (XXE, CORS). */
  attackTarget?(target: AttackTarget, ctx: ActiveContext): Promise<ActiveHit[]>;
}
