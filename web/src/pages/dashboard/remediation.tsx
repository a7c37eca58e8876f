import { useId, useState } from 'react';
import { Link } from 'react-router';
import { SEVERITIES, type Severity } from '../../api/types.js';
import { SeverityBadge } from '../../components/badges.js';
import { ErrorMessage, Loading } from '../../components/status.js';
import { scopePath, type Scope } from '../../layout/scope.js';
import type { Mttr, Sla } from './api.js';

const DAY_MS = 86_400_000;

function age(iso: string, now: number): string {
  const days = Math.floor((now - Date.parse(iso)) / DAY_MS);
  return days === 1 ? '1 day ago' : `${days} days ago`;
}

const formatDays = (days: number) => `${days.toLocaleString('en', { maximumFractionDigits: 1 })} ${days === 1 ? 'day' : 'days'}`;
/** Means are kept to 0.01 days by the server; a fix within hours should not read as "0 days". */
const formatMean = (days: number) => (days < 0.05 ? '< 0.1 days' : formatDays(days));

/** Open vulnerabilities past their severity's SLA (days since detection). */
export function SlaCard({ scope, sla, error, loading }: { scope: Scope; sla: Sla | undefined; error: unknown; loading: boolean }) {
  const headingId = useId();
  // Ages are counted from when the page was opened.
  const [now] = useState(() => Date.now());
  const report = (severity: Severity) => `${scopePath(scope, 'vulnerabilities')}?severity=${severity}`;
  const totals = sla === undefined ? undefined : SEVERITIES.reduce((t, s) => ({ open: t.open + sla.bySeverity[s].open, breached: t.breached + sla.bySeverity[s].breached }), { open: 0, breached: 0 });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>SLA breaches</h2>
      <p className="muted dash-note">Open vulnerabilities detected longer ago than their severity's SLA allows.</p>
      {error !== null && error !== undefined ? <ErrorMessage error={error} title="SLA" /> : null}
      {loading && sla === undefined ? <Loading what="SLA breaches" /> : null}
      {sla === undefined || totals === undefined ? null : (
        <div className="table-wrap">
          <table className="table dash-table">
            <caption className="visually-hidden">SLA breaches by severity</caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col" className="num">
                  SLA
                </th>
                <th scope="col" className="num">
                  Open
                </th>
                <th scope="col" className="num">
                  Past SLA
                </th>
                <th scope="col">Oldest breach</th>
              </tr>
            </thead>
            <tbody>
              {SEVERITIES.map((severity) => {
                const row = sla.bySeverity[severity];
                return (
                  <tr key={severity}>
                    <th scope="row">
                      <SeverityBadge severity={severity} />
                    </th>
                    <td className="num">{row.slaDays === null ? <span className="muted">None</span> : formatDays(row.slaDays)}</td>
                    <td className="num">{row.open > 0 ? <Link to={report(severity)}>{row.open}</Link> : 0}</td>
                    <td className={row.breached > 0 ? 'num dash-breach' : 'num'}>{row.breached}</td>
                    <td>
                      {row.oldestBreachDetectedAt === null ? (
                        <span className="muted">–</span>
                      ) : (
                        <time dateTime={row.oldestBreachDetectedAt} title={row.oldestBreachDetectedAt}>
                          {row.oldestBreachDetectedAt.slice(0, 10)} ({age(row.oldestBreachDetectedAt, now)})
                        </time>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td />
                <td className="num">{totals.open}</td>
                <td className={totals.breached > 0 ? 'num dash-breach' : 'num'}>{totals.breached}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

/** Mean time from detection to resolution, for vulnerabilities resolved in the window. */
export function MttrCard({ mttr, error, loading }: { mttr: Mttr | undefined; error: unknown; loading: boolean }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Mean time to remediate</h2>
      <p className="muted dash-note">
        {mttr === undefined ? 'Vulnerabilities resolved in the chosen range.' : `Vulnerabilities resolved in the last ${mttr.windowDays} days, from detection to resolution.`}
      </p>
      {error !== null && error !== undefined ? <ErrorMessage error={error} title="Time to remediate" /> : null}
      {loading && mttr === undefined ? <Loading what="time to remediate" /> : null}
      {mttr === undefined ? null : (
        <div className="table-wrap">
          <table className="table dash-table">
            <caption className="visually-hidden">Mean time to remediate by severity, last {mttr.windowDays} days</caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col" className="num">
                  Resolved
                </th>
                <th scope="col" className="num">
                  Mean time to remediate
                </th>
              </tr>
            </thead>
            <tbody>
              {SEVERITIES.map((severity) => {
                const row = mttr.bySeverity[severity];
                return (
                  <tr key={severity}>
                    <th scope="row">
                      <SeverityBadge severity={severity} />
                    </th>
                    <td className="num">{row.resolved}</td>
                    <td className="num">{row.meanDays === null ? <span className="muted">None resolved</span> : formatMean(row.meanDays)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
