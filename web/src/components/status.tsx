import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <span role="status">
      <span className="spinner" aria-hidden="true" /> <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="empty" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

/** An error the user can act on: the server's message, and what a 403/404 means. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  let text = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && error.status === 404) text = `Not found: ${error.message}`;
  if (error instanceof ApiError && error.status === 403) text = `You do not have access: ${error.message}`;
  return (
    <div className="alert alert-error" role="alert">
      {title === undefined ? null : <strong>{title}: </strong>}
      {text}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}
