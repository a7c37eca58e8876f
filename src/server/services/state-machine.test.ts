import { describe, expect, it } from 'vitest';
import { checkTransition, STATES } from './state-machine.js';

describe('server/services/state-machine', () => {
  it('lets a person move between any two different states', () => {
    for (const from of STATES) {
      for (const to of STATES) {
        const change = to === 'dismissed' ? { to, dismissalReason: 'false_positive' as const, comment: 'why' } : { to };
        const problem = checkTransition(from, change);
        if (from === to) expect(problem?.code).toBe('state-unchanged');
        else expect(problem, `${from} → ${to}`).toBeUndefined();
      }
    }
  });

  it('needs a reason and a comment to dismiss, and a reason only when dismissing', () => {
    expect(checkTransition('detected', { to: 'dismissed', comment: 'c' })?.code).toBe('dismissal-reason-required');
    expect(checkTransition('detected', { to: 'dismissed', dismissalReason: 'acceptable_risk' })?.code).toBe('comment-required');
    expect(checkTransition('detected', { to: 'dismissed', dismissalReason: 'acceptable_risk', comment: '   ' })?.code).toBe('comment-required');
    expect(checkTransition('detected', { to: 'confirmed', dismissalReason: 'acceptable_risk' })?.code).toBe('dismissal-reason-not-allowed');
  });
});
