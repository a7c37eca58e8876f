import { useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { reportTypeLabel } from '../../api/types.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState, ErrorMessage, Loading, Spinner } from '../../components/status.js';
import { scopeFromParams } from '../../layout/scope.js';
import { useProject } from '../../layout/scope-names.js';
import { compareHref, idParam, PAGE_SIZE, shortSha, usePipelines, type Pipeline } from './api.js';
import './pipelines.css';
import { formatTime } from '../../components/format.js';

function Reports({ reports }: { reports: Pipeline['reports'] }) {
  if (reports.length === 0) return <span className="muted">no reports</span>;
  return (
    <ul className="pl-reports">
      {reports.map((r) => (
        <li key={r.reportType}>
          {r.reportType === 'sbom' ? 'SBOM' : reportTypeLabel(r.reportType)}{' '}
          {r.status === 'failure' ? <span className="badge badge-neutral">failed</span> : <span className="pl-count">{r.findings}</span>}
        </li>
      ))}
    </ul>
  );
}

function statusClass(status: string): string {
  if (status === 'success') return 'pl-status pl-status-success';
  if (status === 'failed') return 'pl-status pl-status-failed';
  return 'pl-status';
}

export default function PipelinesPage() {
  const scope = scopeFromParams(useParams());
  const projectId = scope.kind === 'project' ? scope.id : 0;
  const project = useProject(projectId > 0 ? projectId : undefined);
  const [params, setParams] = useSearchParams();
  const before = idParam(params.get('before'));
  const ref = params.get('ref') ?? undefined;
  const pipelines = usePipelines(projectId, { before, ref: ref === '' ? undefined : ref });
  const [base, setBase] = useState<number | undefined>(undefined);
  const [head, setHead] = useState<number | undefined>(undefined);
  const [refDraft, setRefDraft] = useState(ref ?? '');
  const refId = useId();

  const rows = pipelines.data ?? [];
  const last = rows.at(-1);
  const hasOlder = rows.length === PAGE_SIZE && last !== undefined;
  const canCompare = base !== undefined && head !== undefined && base !== head;

  function setQuery(next: Record<string, string | undefined>) {
    const copy = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') copy.delete(k);
      else copy.set(k, v);
    }
    setParams(copy);
  }

  const title = project.data === undefined ? 'Pipelines' : `Pipelines · ${project.data.fullPath}`;
  return (
    <>
      <PageHeader title={title} subtitle="Pipelines with the reports they uploaded. Pick a base and a head pipeline to see what a change adds and fixes." />
      <div className="card stack">
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ ref: refDraft.trim(), before: undefined });
          }}
        >
          <div className="field">
            <label htmlFor={refId}>Branch</label>
            <input id={refId} className="input" value={refDraft} placeholder="any branch" onChange={(e) => setRefDraft(e.target.value)} />
          </div>
          <button type="submit" className="btn pl-align">
            Filter
          </button>
          <div className="pl-spacer" />
          <div className="pl-align" aria-live="polite">
            {canCompare ? (
              <Link className="btn btn-primary" to={compareHref(projectId, head, base)}>
                Compare #{base} → #{head}
              </Link>
            ) : (
              <span className="muted">{base !== undefined && base === head ? 'Pick two different pipelines.' : 'Pick a base and a head pipeline to compare.'}</span>
            )}
          </div>
        </form>
        {pipelines.isPending ? (
          <Loading what="pipelines" />
        ) : pipelines.isError ? (
          <ErrorMessage error={pipelines.error} title="Could not load the pipelines" />
        ) : rows.length === 0 ? (
          <EmptyState>{ref === undefined || ref === '' ? 'No pipelines have reported to this project yet.' : `No pipelines on ${ref}.`}</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Pipelines of the project, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Base</th>
                  <th scope="col">Head</th>
                  <th scope="col">Pipeline</th>
                  <th scope="col">Branch</th>
                  <th scope="col">Commit</th>
                  <th scope="col">Source</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Findings by report</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <input type="radio" name="base" checked={base === p.id} onChange={() => setBase(p.id)} aria-label={`Use pipeline #${p.id} as the base`} />
                    </td>
                    <td>
                      <input type="radio" name="head" checked={head === p.id} onChange={() => setHead(p.id)} aria-label={`Use pipeline #${p.id} as the head`} />
                    </td>
                    <th scope="row" className="pl-rowhead">#{p.id}</th>
                    <td>
                      <code>{p.ref}</code> {p.isDefaultBranch ? <span className="badge badge-neutral">default</span> : null}
                    </td>
                    <td>
                      <code title={p.sha}>{shortSha(p.sha)}</code>
                    </td>
                    <td>{p.source.replaceAll('_', ' ')}</td>
                    <td>
                      <span className={statusClass(p.status)}>{p.status}</span>
                    </td>
                    <td>
                      <time className="pl-nowrap" dateTime={p.createdAt}>{formatTime(p.createdAt)}</time>
                    </td>
                    <td>
                      <Reports reports={p.reports} />
                    </td>
                    <td>
                      {p.isDefaultBranch ? null : (
                        <Link className="pl-nowrap" to={compareHref(projectId, p.id)} aria-label={`Compare pipeline #${p.id} with the default branch`}>
                          vs default branch
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav className="row" aria-label="Pages">
          <button type="button" className="btn btn-sm" disabled={before === undefined} onClick={() => setQuery({ before: undefined })}>
            Newest
          </button>
          <button type="button" className="btn btn-sm" disabled={!hasOlder} onClick={() => last !== undefined && setQuery({ before: String(last.id) })}>
            Older
          </button>
          {pipelines.isFetching && !pipelines.isPending ? <Spinner label="Loading pipelines" /> : null}
        </nav>
      </div>
    </>
  );
}
