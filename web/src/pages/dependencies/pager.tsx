/** Offset paging for the list pages: "1–20 of 57" and previous/next buttons. */
export function OffsetPager({ offset, pageSize, total, shown, onOffset, what }: { offset: number; pageSize: number; total: number; shown: number; onOffset: (offset: number) => void; what: string }) {
  if (total === 0) return null;
  const first = Math.min(offset + 1, total);
  const last = offset + shown;
  return (
    <nav className="row pager" aria-label={`Pages of ${what}`}>
      <span className="muted">
        {first}–{last} of {total}
      </span>
      <button type="button" className="btn btn-sm" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        Previous
      </button>
      <button type="button" className="btn btn-sm" disabled={last >= total} onClick={() => onOffset(offset + pageSize)}>
        Next
      </button>
    </nav>
  );
}

/** Read a non-negative integer from the URL, falling back to 0 on anything else. */
export function offsetParam(value: string | null): number {
  const n = Number(value);
  return value !== null && Number.isSafeInteger(n) && n > 0 ? n : 0;
}
