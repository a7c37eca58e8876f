import { commandInjectionCheck } from './command-injection.js';
import { cookieFlagsCheck } from './cookie-flags.js';
import { corsCheck } from './cors.js';
import { crlfCheck } from './crlf.js';
import { directoryListingCheck } from './directory-listing.js';
import { mixedContentCheck } from './mixed-content.js';
import { openRedirectCheck } from './open-redirect.js';
import { pathTraversalCheck } from './path-traversal.js';
import { securityHeadersCheck } from './security-headers.js';
import { sensitiveDataCheck } from './sensitive-data.js';
import { sqlInjectionCheck } from './sql-injection.js';
import { ssrfCheck } from './ssrf.js';
import { sstiCheck } from './ssti.js';
import { stackTraceCheck } from './stack-traces.js';
import type { ActiveCheck, DastRuleMeta, PassiveCheck } from './types.js';
import { versionDisclosureCheck } from './version-disclosure.js';
import { xssCheck } from './xss.js';
import { xxeCheck } from './xxe.js';

/** The explicit check lists: adding a family is one file and one entry here. */
export const PASSIVE_CHECKS: readonly PassiveCheck[] = [
  securityHeadersCheck,
  cookieFlagsCheck,
  versionDisclosureCheck,
  stackTraceCheck,
  mixedContentCheck,
  directoryListingCheck,
  sensitiveDataCheck,
];

export const ACTIVE_CHECKS: readonly ActiveCheck[] = [
  xssCheck,
  sqlInjectionCheck,
  commandInjectionCheck,
  pathTraversalCheck,
  openRedirectCheck,
  ssrfCheck,
  crlfCheck,
  sstiCheck,
  xxeCheck,
  corsCheck,
];

export const CHECK_FAMILIES: readonly string[] = [...PASSIVE_CHECKS.map((c) => c.family), ...ACTIVE_CHECKS.map((c) => c.family)];

export function allDastRules(): DastRuleMeta[] {
  return [...PASSIVE_CHECKS.flatMap((c) => c.rules), ...ACTIVE_CHECKS.flatMap((c) => c.rules)];
}
