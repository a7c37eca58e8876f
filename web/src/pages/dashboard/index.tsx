import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { SEVERITIES } from '../../api/types.js';
import { severityLabel } from '../../components/badges.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState, ErrorMessage } from '../../components/status.js';
import { useGroup, useProject } from '../../layout/scope-names.js';
import { scopeFromParams, scopePath, type Scope } from '../../layout/scope.js';
import { DEFAULT_RANGE, parseRange, useDailyCounts, useGrades, useMttr, useSla, type DailyCount, type Range } from './api.js';
import { GradesCard } from './grades.js';
import { OpenChartCard } from './open-chart.js';
import { MttrCard, SlaCard } from './remediation.js';
import './dashboard.css';

/**
 * Security dashboard of a group (with its subgroups) or a project: open vulnerabilities now and
 * over time, project grades (groups), SLA breaches and mean time to remediate. The range and the
 * stacking live in the URL (`?days=30&stacked=0`), so a view can be shared.
 */
export default function DashboardPage() {
  const scope = scopeFromParams(useParams());
  const [params, setParams] = useSearchParams();
  const range = parseRange(params.get('days'));
  const stacked = params.get('stacked') !== '0';
  const name = useScopeName(scope);

  const daily = useDailyCounts(scope, range);
  const mttr = useMttr(scope, range);
  const sla = useSla(scope);
  const grades = useGrades(scope);

  function update(change: (next: URLSearchParams) => void) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      change(next);
      return next;
    });
  }
  const setRange = (days: Range) =>
    update((next) => {
      if (days === DEFAULT_RANGE) next.delete('days');
      else next.set('days', String(days));
    });
  const setStacked = (value: boolean) =>
    update((next) => {
      if (value) next.delete('stacked');
      else next.set('stacked', '0');
    });

  if (scope.kind === 'instance') {
    return (
      <>
        <PageHeader title="Security dashboard" />
        <EmptyState>Choose a group or a project to see its dashboard.</EmptyState>
      </>
    );
  }

  // No access (or no such group/project): one message rather than one per panel.
  const denied = [daily.error, sla.error, mttr.error].find((error) => error instanceof ApiError && (error.status === 403 || error.status === 404));
  if (denied !== undefined) {
    return (
      <>
        <PageHeader title="Security dashboard" />
        <ErrorMessage error={denied} />
      </>
    );
  }

  const days = daily.data?.days;
  const latest = days?.at(-1);
  const scopeName = name ?? `${scope.kind} ${scope.id}`;
  const stem = `open-vulnerabilities-${scopeName.replace(/[^\w.-]+/g, '-')}-${range}d${latest === undefined ? '' : `-${latest.day}`}`;
  return (
    <>
      <PageHeader
        title="Security dashboard"
        subtitle={scope.kind === 'group' ? 'Open vulnerabilities, project grades, SLA breaches and time to remediate across the group and its subgroups.' : 'Open vulnerabilities, SLA breaches and time to remediate in this project.'}
      />
      <div className="dashboard">
        <SummaryCard scope={scope} latest={latest} failed={daily.error !== null} />
        <OpenChartCard
          days={days}
          error={daily.error}
          refreshing={daily.isPlaceholderData}
          range={range}
          onRange={setRange}
          stacked={stacked}
          onStacked={setStacked}
          exportTitle={`Open vulnerabilities by severity · ${scopeName} · last ${range} days`}
          fileStem={stem}
        />
        {scope.kind === 'group' ? (
          <div className="grid grid-2">
            <GradesCard grades={grades.data} error={grades.error} loading={grades.isPending} />
            <div className="stack">
              <SlaCard scope={scope} sla={sla.data} error={sla.error} loading={sla.isPending} />
              <MttrCard mttr={mttr.data} error={mttr.error} loading={mttr.isPending} />
            </div>
          </div>
        ) : (
          <div className="grid grid-2">
            <SlaCard scope={scope} sla={sla.data} error={sla.error} loading={sla.isPending} />
            <MttrCard mttr={mttr.data} error={mttr.error} loading={mttr.isPending} />
          </div>
        )}
      </div>
    </>
  );
}

function useScopeName(scope: Scope): string | undefined {
  const group = useGroup(scope.kind === 'group' ? scope.id : undefined);
  const project = useProject(scope.kind === 'project' ? scope.id : undefined);
  return scope.kind === 'group' ? group.data?.fullPath : scope.kind === 'project' ? project.data?.fullPath : undefined;
}

/**
 * Open vulnerabilities now (the last day of the history), by severity. It paints with the data,
 * before ECharts has loaded, and keeps its size while loading so nothing below it moves; the
 * chart below says when the history could not be loaded. (The report's /vulnerabilities/counts
 * would be one more query, and at 200,000 vulnerabilities in a group it answered slower than the
 * daily history.)
 */
function SummaryCard({ scope, latest, failed }: { scope: Scope; latest: DailyCount | undefined; failed: boolean }) {
  const headingId = useId();
  const total = latest === undefined ? undefined : SEVERITIES.reduce((sum, s) => sum + latest[s], 0);
  return (
    <section className="card dash-summary" aria-labelledby={headingId} aria-busy={latest === undefined && !failed}>
      <div className="dash-card-head">
        <h2 id={headingId}>Open vulnerabilities</h2>
        <p className="dash-total">
          <span className="dash-total-count">{total === undefined ? '–' : total.toLocaleString('en')}</span> detected or confirmed
        </p>
      </div>
      <ul className="sev-counts dash-tiles" aria-label="Open vulnerabilities by severity">
        {SEVERITIES.map((severity) => (
          <li key={severity} className={`sev-tile ${severity}`}>
            <div className="muted">{severityLabel(severity)}</div>
            <div className="count">
              {latest === undefined ? (
                '–'
              ) : latest[severity] > 0 ? (
                <Link to={`${scopePath(scope, 'vulnerabilities')}?severity=${severity}`} aria-label={`${latest[severity]} ${severityLabel(severity)}: open in the vulnerability report`}>
                  {latest[severity].toLocaleString('en')}
                </Link>
              ) : (
                0
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
