import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState, ErrorMessage, Loading } from '../../components/status.js';
import { scopeFromParams, scopePath } from '../../layout/scope.js';
import { useProject } from '../../layout/scope-names.js';
import '../dependencies/pages.css';
import { ENABLE_HINTS, typeLabel, uploadCommand, type ReportTypeConfiguration, type SecurityConfiguration } from './report-types.js';
import { formatTime } from '../../components/format.js';

export default function SecurityConfigurationPage() {
  const scope = scopeFromParams(useParams());
  if (scope.kind !== 'project') {
    return (
      <>
        <PageHeader title="Security configuration" />
        <EmptyState>Choose a project to see which scanners run on it.</EmptyState>
      </>
    );
  }
  return <ProjectConfiguration projectId={scope.id} />;
}

function statusOf(type: ReportTypeConfiguration): { text: string; className: string } {
  if (type.enabled) return { text: '✓ Enabled', className: 'status-enabled' };
  if (type.everRan) return { text: '! Not in recent pipelines', className: 'status-stale' };
  return { text: '— Not enabled', className: 'status-off' };
}

function ProjectConfiguration({ projectId }: { projectId: number }) {
  const project = useProject(projectId);
  const config = useQuery({
    queryKey: ['security-configuration', projectId],
    queryFn: ({ signal }) => api.get<SecurityConfiguration>(`/api/v1/projects/${projectId}/security-configuration`, undefined, signal),
  });
  const data = config.data;
  const enabled = data?.reportTypes.filter((t) => t.enabled).length ?? 0;
  const missingRequired = data?.reportTypes.filter((t) => t.required && !t.enabled) ?? [];
  const notEnabled = data?.reportTypes.filter((t) => !t.enabled) ?? [];
  const projectPath = project.data?.fullPath ?? String(projectId);

  return (
    <>
      <PageHeader
        title="Security configuration"
        subtitle={
          data === undefined ? undefined : (
            <>
              Scans on {project.data?.fullPath ?? '…'}'s default branch <code>{data.defaultBranch}</code>: a report type counts as enabled when one of the latest{' '}
              {data.window} default-branch pipelines carried it.
            </>
          )
        }
      />
      {config.isPending ? <Loading what="the security configuration" /> : null}
      {config.error !== null ? <ErrorMessage error={config.error} title="Could not load the security configuration" /> : null}
      {data === undefined ? null : (
        <>
          <div className="stack" style={{ marginBottom: 'var(--space-4)' }}>
            <p aria-live="polite">
              <strong>
                {enabled} of {data.reportTypes.length}
              </strong>{' '}
              report types enabled.{' '}
              {data.latestDefaultBranchPipeline === null ? (
                <span className="muted">No default-branch pipeline yet.</span>
              ) : (
                <span className="muted">
                  Latest default-branch pipeline: #{data.latestDefaultBranchPipeline.id} at <code>{data.latestDefaultBranchPipeline.sha.slice(0, 8)}</code>,{' '}
                  {formatTime(data.latestDefaultBranchPipeline.createdAt)} (<Link to={scopePath({ kind: 'project', id: projectId }, 'pipelines')}>pipelines</Link>).
                </span>
              )}
            </p>
            {missingRequired.length > 0 ? (
              <div className="alert alert-error" role="status">
                Required by the instance coverage settings but not enabled: {missingRequired.map((t) => typeLabel(t.reportType)).join(', ')}.
              </div>
            ) : null}
          </div>
          <section className="card" aria-labelledby="config-heading">
            <h2 id="config-heading">Scanners</h2>
            <div className="table-wrap scroll-box">
              <table className="table">
                <caption className="visually-hidden">Report types and the scanners that produced them</caption>
                <thead>
                  <tr>
                    <th scope="col">Report type</th>
                    <th scope="col">Status</th>
                    <th scope="col">Last run</th>
                    <th scope="col">Scanners</th>
                  </tr>
                </thead>
                <tbody>
                  {data.reportTypes.map((type) => {
                    const status = statusOf(type);
                    return (
                      <tr key={type.reportType} data-report-type={type.reportType}>
                        <th scope="row" className="cell-component">
                          <strong>{typeLabel(type.reportType)}</strong>
                          {type.required ? (
                            <>
                              {' '}
                              <span className="badge badge-neutral">Required</span>
                            </>
                          ) : null}
                          <div className="muted">{ENABLE_HINTS[type.reportType].purpose}</div>
                        </th>
                        <td>
                          <span className={status.className}>{status.text}</span>
                          {type.lastStatus === 'failure' ? <div className="field-error">Last pipeline failed</div> : null}
                        </td>
                        <td>
                          {type.lastRunAt === null ? (
                            <span className="muted">Never</span>
                          ) : (
                            <>
                              <time dateTime={type.lastRunAt}>{formatTime(type.lastRunAt)}</time>
                              {type.lastPipelineId === null ? null : <div className="muted">pipeline #{type.lastPipelineId}</div>}
                            </>
                          )}
                        </td>
                        <td>
                          {type.scanners.length === 0 ? (
                            <span className="muted">—</span>
                          ) : (
                            type.scanners.map((s) => (
                              <div key={s.id}>
                                {s.name}
                                {s.version === null ? null : <span className="muted"> {s.version}</span>}
                              </div>
                            ))
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          {notEnabled.length > 0 ? <EnableHints types={notEnabled} projectPath={projectPath} branch={data.defaultBranch} /> : null}
        </>
      )}
    </>
  );
}

function EnableHints({ types, projectPath, branch }: { types: ReportTypeConfiguration[]; projectPath: string; branch: string }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>How to enable the others</h2>
      <p className="muted">
        Run the scanner in the project's CI on the default branch, then upload the reports folder as a pipeline. Each upload is one pipeline; put every report of a
        commit in the same folder.
      </p>
      <div className="stack">
        {types.map((type) => {
          const hint = ENABLE_HINTS[type.reportType];
          return (
            <div key={type.reportType} data-enable-hint={type.reportType}>
              <h3>{typeLabel(type.reportType)}</h3>
              {hint.command === null ? <p>{hint.otherwise}</p> : <code className="cmd">{hint.command}</code>}
            </div>
          );
        })}
        <div>
          <h3>Then upload</h3>
          <code className="cmd">{uploadCommand(projectPath, branch)}</code>
          <p className="muted">The token comes from $BULWARK_TOKEN: a personal access token (api scope) of a user who may upload pipelines to the project.</p>
        </div>
      </div>
    </section>
  );
}
