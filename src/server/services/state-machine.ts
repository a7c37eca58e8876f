import type { DismissalReason, VulnerabilityState } from '../db/schema.js';

export const STATES: readonly VulnerabilityState[] = ['detected', 'confirmed', 'dismissed', 'resolved'];
export const DISMISSAL_REASONS: readonly DismissalReason[] = ['acceptable_risk', 'false_positive', 'mitigating_control', 'used_in_tests', 'not_applicable'];

export interface StateChange {
  readonly to: VulnerabilityState;
  readonly dismissalReason?: DismissalReason;
  readonly comment?: string;
}

export type TransitionError = { readonly code: string; readonly message: string };

/**
 * A person's status change (spec §3): any state to any other; dismissing needs one of the five
 * reasons and a comment; a reason only goes with a dismissal. The system's own moves (resolved →
 * detected when found again; dismissed stays dismissed) happen at ingest, not here.
 */
export function checkTransition(from: VulnerabilityState, change: StateChange): TransitionError | undefined {
  if (from === change.to) return { code: 'state-unchanged', message: `the vulnerability is already ${from}` };
  if (change.to === 'dismissed') {
    if (change.dismissalReason === undefined) {
      return { code: 'dismissal-reason-required', message: `dismissing needs a dismissalReason: ${DISMISSAL_REASONS.join(', ')}` };
    }
    if (change.comment === undefined || change.comment.trim() === '') {
      return { code: 'comment-required', message: 'dismissing needs a comment saying why' };
    }
  } else if (change.dismissalReason !== undefined) {
    return { code: 'dismissal-reason-not-allowed', message: 'dismissalReason only goes with state "dismissed"' };
  }
  return undefined;
}
