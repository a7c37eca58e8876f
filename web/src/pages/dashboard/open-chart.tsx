import type { EChartsType } from 'echarts/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { SEVERITIES } from '../../api/types.js';
import { severityLabel } from '../../components/badges.js';
import { downloadBlob } from '../../components/download.js';
import { ErrorMessage } from '../../components/status.js';
import { RANGES, type DailyCount, type Range } from './api.js';
import { chartOption, chartSummary, themeFromTokens } from './chart-option.js';
import { chartPng, chartSvg } from './export.js';

const rangeLabel = (days: Range) => (days === 365 ? '1 year' : `${days} days`);

interface Props {
  readonly days: readonly DailyCount[] | undefined;
  readonly error: unknown;
  /** A new range is loading while the previous one is shown. */
  readonly refreshing: boolean;
  readonly range: Range;
  readonly onRange: (days: Range) => void;
  readonly stacked: boolean;
  readonly onStacked: (stacked: boolean) => void;
  /** Title drawn into exported files (the page's heading does not travel with them). */
  readonly exportTitle: string;
  readonly fileStem: string;
}

/**
 * Open vulnerabilities over time by severity: an ECharts area chart (SVG renderer), a range
 * picker, SVG/PNG downloads, and the same numbers as a table for people who cannot see the chart.
 */
export function OpenChartCard({ days, error, refreshing, range, onRange, stacked, onStacked, exportTitle, fileStem }: Props) {
  const headingId = useId();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<'svg' | 'png' | null>(null);
  const [exportStatus, setExportStatus] = useState('');
  const [exportError, setExportError] = useState<unknown>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const theme = useMemo(() => themeFromTokens(), []);

  // Fetch ECharts as soon as the card mounts, in parallel with the data.
  useEffect(() => {
    let gone = false;
    let observer: ResizeObserver | undefined;
    import('./echarts.js').then(({ init }) => {
      const element = host.current;
      if (gone || element === null) return;
      chart.current = init(element, null, { renderer: 'svg' });
      // Marks the end of drawing and animation, for tests and screenshots.
      chart.current.on('finished', () => element.setAttribute('data-drawn', 'true'));
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(element);
      setReady(true);
    }, setLoadError);
    return () => {
      gone = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
      setReady(false);
    };
  }, []);

  useEffect(() => {
    if (!ready || days === undefined) return;
    const animation = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    host.current?.removeAttribute('data-drawn');
    chart.current?.setOption(chartOption(days, theme, { stacked, animation }), { notMerge: true });
  }, [ready, days, stacked, theme]);

  async function download(kind: 'svg' | 'png') {
    if (days === undefined) return;
    setExporting(kind);
    setExportError(null);
    setExportStatus(`Preparing the ${kind.toUpperCase()}…`);
    try {
      const option = chartOption(days, theme, { stacked, animation: false, title: exportTitle, background: '#ffffff' });
      const blob = kind === 'svg' ? await chartSvg(option) : await chartPng(option);
      downloadBlob(blob, `${fileStem}.${kind}`);
      setExportStatus(`Downloaded ${fileStem}.${kind}`);
    } catch (caught) {
      setExportStatus('');
      setExportError(caught);
    } finally {
      setExporting(null);
    }
  }

  const summary = days === undefined ? 'Loading the chart data.' : chartSummary(days, stacked);
  const failed = error ?? loadError;
  return (
    <section className="card dash-chart" aria-labelledby={headingId}>
      <div className="dash-card-head">
        <h2 id={headingId}>Open vulnerabilities over time</h2>
        <div className="row">
          <fieldset className="segmented">
            <legend className="visually-hidden">Time range</legend>
            {RANGES.map((option) => (
              <label key={option} className={option === range ? 'selected' : undefined}>
                <input type="radio" name={`${headingId}-range`} value={option} checked={option === range} onChange={() => onRange(option)} />
                {rangeLabel(option)}
              </label>
            ))}
          </fieldset>
          <label className="row dash-check">
            <input type="checkbox" checked={stacked} onChange={(event) => onStacked(event.target.checked)} />
            Stacked
          </label>
          <button type="button" className="btn btn-sm" disabled={days === undefined || exporting !== null} onClick={() => void download('svg')}>
            Download SVG
          </button>
          <button type="button" className="btn btn-sm" disabled={days === undefined || exporting !== null} onClick={() => void download('png')}>
            Download PNG
          </button>
        </div>
      </div>
      <p className="muted dash-note">Detected and confirmed vulnerabilities at the end of each day (UTC), by severity.</p>
      {failed === null || failed === undefined ? null : <ErrorMessage error={failed} title="The chart could not be drawn" />}
      <div className="dash-chart-frame" aria-busy={days === undefined || !ready || refreshing}>
        {/* ECharts owns this element's children; React never renders into it. */}
        <div ref={host} className="dash-chart-host" role="img" aria-label={summary} data-testid="open-chart" />
        {(days === undefined || !ready) && (failed === null || failed === undefined) ? (
          <div className="dash-chart-overlay" aria-hidden="true">
            <span className="spinner" /> Loading the chart…
          </div>
        ) : null}
      </div>
      <p role="status" className="muted dash-note">
        {exportStatus}
      </p>
      {exportError === null ? null : <ErrorMessage error={exportError} title="Export failed" />}
      <details onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary>Show the data as a table</summary>
        {tableOpen && days !== undefined ? <DataTable days={days} /> : null}
      </details>
    </section>
  );
}

function DataTable({ days }: { days: readonly DailyCount[] }) {
  // Newest first: the day people ask about most is today.
  const rows = [...days].reverse();
  return (
    <div className="table-wrap dash-data-table">
      <table className="table">
        <caption className="visually-hidden">Open vulnerabilities per day and severity</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SEVERITIES.map((s) => (
              <th key={s} scope="col" className="num">
                {severityLabel(s)}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.day}>
              <th scope="row">{row.day}</th>
              {SEVERITIES.map((s) => (
                <td key={s} className="num">
                  {row[s]}
                </td>
              ))}
              <td className="num">{SEVERITIES.reduce((sum, s) => sum + row[s], 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
