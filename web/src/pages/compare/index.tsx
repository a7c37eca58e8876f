import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { reportTypeLabel } from '../../api/types.js';
import { SeverityBadge, StateBadge } from '../../components/badges.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState, ErrorMessage, Loading, Spinner } from '../../components/status.js';
import { scopeFromParams } from '../../layout/scope.js';
import { useProject } from '../../layout/scope-names.js';
import { idParam, shortSha, usePipelines, type Pipeline } from '../pipelines/api.js';
import { summarySentence, useComparison, type Comparison, type FindingSummary, type ReportComparison } from './api.js';
import './compare.css';
import { formatTime } from '../../components/format.js';

function pipelineLabel(p: Pick<Pipeline, 'id' | 'ref' | 'sha' | 'isDefaultBranch'>): string {
  return `#${p.id} · ${p.ref} @ ${shortSha(p.sha)}${p.isDefaultBranch ? ' (default)' : ''}`;
}

function FindingTable({ findings, caption }: { findings: readonly FindingSummary[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="table cmp-table">
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          <col className="cmp-col-sev" />
          <col className="cmp-col-title" />
          <col className="cmp-col-loc" />
          <col />
          <col className="cmp-col-state" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Finding</th>
            <th scope="col">Location</th>
            <th scope="col">Identifier</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.uuid}>
              <td>
                <SeverityBadge severity={f.severity} />
              </td>
              <th scope="row" className="cmp-title">
                {f.vulnerabilityId === null ? f.title : <Link to={`/vulnerabilities/${f.vulnerabilityId}`}>{f.title}</Link>}
              </th>
              <td>
                <code className="cmp-location">{f.locationText}</code>
              </td>
              <td>{f.primaryIdentifier.name}</td>
              <td>{f.state === null ? <span className="muted">—</span> : <StateBadge state={f.state} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportSection({ report, open }: { report: ReportComparison; open: boolean }) {
  const label = reportTypeLabel(report.reportType);
  const sentence = summarySentence(label, report.addedCount, report.fixedCount);
  return (
    <details className="card cmp-report" open={open}>
      <summary>
        <span className="cmp-summary-text">{report.status === 'missing_head' ? `${label}: not run in the head pipeline` : sentence}</span>
      </summary>
      <div className="stack cmp-body">
        {report.status === 'missing_base' ? (
          <div className="alert alert-warning">The base pipeline has no {label} report, so every {label} finding of the head pipeline counts as new.</div>
        ) : null}
        {report.status === 'missing_head' ? <p className="muted">The head pipeline has no {label} report: there is nothing to compare.</p> : null}
        {report.status !== 'missing_head' ? (
          <>
            <h3>
              New <span className="badge badge-neutral">{report.addedCount}</span>
            </h3>
            {report.added.length === 0 ? <p className="muted">No new findings.</p> : <FindingTable findings={report.added} caption={`${label}: new findings`} />}
            {report.dismissedCount > 0 ? (
              <p className="muted">
                {report.dismissedCount} new {report.dismissedCount === 1 ? 'finding is' : 'findings are'} already dismissed and not counted.
              </p>
            ) : null}
            <h3>
              Fixed <span className="badge badge-neutral">{report.fixedCount}</span>
            </h3>
            {report.fixed.length === 0 ? <p className="muted">No fixed findings.</p> : <FindingTable findings={report.fixed} caption={`${label}: fixed findings`} />}
            {report.truncated ? <p className="muted">The lists are cut short; the counts are complete.</p> : null}
            <p className="muted">{report.unchangedCount} unchanged.</p>
          </>
        ) : null}
      </div>
    </details>
  );
}

function Overview({ data }: { data: Comparison }) {
  const parsed = data.reportTypes.filter((r) => r.status !== 'missing_head');
  const added = parsed.reduce((n, r) => n + r.addedCount, 0);
  const fixed = parsed.reduce((n, r) => n + r.fixedCount, 0);
  return (
    <section className="card stack cmp-overview" aria-labelledby="cmp-overview">
      <h2 id="cmp-overview">{summarySentence('Security scanning', added, fixed)}</h2>
      <p className="muted">
        {data.base === null ? 'No base pipeline' : <>Base {pipelineLabel(data.base)}</>} → head {pipelineLabel(data.head)}
      </p>
      {data.baseChosen === 'latest-default-branch' ? <p>The base is the latest default-branch pipeline before the head.</p> : null}
      {data.baseChosen === 'none' ? <div className="alert alert-warning">There is no default-branch pipeline before the head to compare with, so every finding counts as new.</div> : null}
      {data.baseOutOfDate ? <div className="alert alert-warning">The base pipeline is more than a week old; the comparison may include changes made since.</div> : null}
    </section>
  );
}

function PipelinePicker({ label, value, pipelines, onChange, allowNone }: { label: string; value: number | undefined; pipelines: readonly Pipeline[]; onChange: (id: number | undefined) => void; allowNone: boolean }) {
  const id = useId();
  const known = value === undefined || pipelines.some((p) => p.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value === undefined ? '' : String(value)} onChange={(e) => onChange(idParam(e.target.value))}>
        <option value="">{allowNone ? 'Latest default-branch pipeline' : 'Choose a pipeline…'}</option>
        {known ? null : <option value={String(value)}>#{value}</option>}
        {pipelines.map((p) => (
          <option key={p.id} value={String(p.id)}>
            {pipelineLabel(p)} · {formatTime(p.createdAt)}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function ComparePage() {
  const scope = scopeFromParams(useParams());
  const projectId = scope.kind === 'project' ? scope.id : 0;
  const project = useProject(projectId > 0 ? projectId : undefined);
  const [params, setParams] = useSearchParams();
  const head = idParam(params.get('head'));
  const base = idParam(params.get('base'));
  const includeDismissed = params.get('include_dismissed') === 'true';
  const pipelines = usePipelines(projectId, { limit: 100 });
  const comparison = useComparison(projectId, head, base, includeDismissed);
  const dismissedId = useId();

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setParams(next);
  }

  const list = pipelines.data ?? [];
  const data = comparison.data;
  const title = project.data === undefined ? 'Security comparison' : `Security comparison · ${project.data.fullPath}`;
  return (
    <>
      <PageHeader title={title} subtitle="New and fixed findings between two pipelines, per report type — what a merge request's security widget shows." actions={<Link className="btn" to={`/projects/${projectId}/pipelines`}>All pipelines</Link>} />
      <div className="card">
        <form className="row cmp-pickers" onSubmit={(e) => e.preventDefault()} aria-label="Pipelines to compare">
          <PipelinePicker label="Base pipeline" value={base} pipelines={list} allowNone onChange={(id) => setParam('base', id === undefined ? undefined : String(id))} />
          <span aria-hidden="true" className="cmp-arrow">→</span>
          <PipelinePicker label="Head pipeline" value={head} pipelines={list} allowNone={false} onChange={(id) => setParam('head', id === undefined ? undefined : String(id))} />
          <label className="row cmp-check">
            <input id={dismissedId} type="checkbox" checked={includeDismissed} onChange={(e) => setParam('include_dismissed', e.target.checked ? 'true' : undefined)} />
            List new findings that are already dismissed
          </label>
          {pipelines.isError ? <ErrorMessage error={pipelines.error} title="Could not load the pipelines" /> : null}
        </form>
      </div>
      <div aria-live="polite" aria-busy={comparison.isFetching}>
        {head === undefined ? (
          <EmptyState>Choose a head pipeline (and a base, or the latest default-branch pipeline is used).</EmptyState>
        ) : comparison.isPending ? (
          <Loading what="the comparison" />
        ) : comparison.isError ? (
          <ErrorMessage error={comparison.error} title="Could not compare the pipelines" />
        ) : data === undefined ? null : (
          <div className="stack cmp-results">
            {comparison.isFetching ? <Spinner label="Updating the comparison" /> : null}
            <Overview data={data} />
            {data.reportTypes.length === 0 ? <EmptyState>Neither pipeline has reports with findings to compare.</EmptyState> : null}
            {data.reportTypes.map((report) => (
              <ReportSection key={report.reportType} report={report} open={report.addedCount + report.fixedCount > 0 || report.status === 'missing_base'} />
            ))}
          </div>
        )}
      </div>
    </>
  );
}
