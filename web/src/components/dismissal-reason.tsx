import { useId } from 'react';
import { DISMISSAL_REASONS, type DismissalReason } from '../api/types.js';

/** The select of GitLab's five dismissal reasons, with its label and, when `error` is set, why it is invalid. */
export function DismissalReasonField({ label, value, onChange, error }: { label: string; value: DismissalReason | ''; onChange: (reason: DismissalReason | '') => void; error?: string | undefined }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="select"
        required
        value={value}
        onChange={(e) => onChange(e.target.value as DismissalReason | '')}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : errorId}
      >
        <option value="">Choose a reason…</option>
        {DISMISSAL_REASONS.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      {error === undefined ? null : (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
