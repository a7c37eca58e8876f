import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { useUser } from '../../auth/session.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState, ErrorMessage, Loading, Spinner } from '../../components/status.js';
import { scopeFromParams, scopePath, type Scope } from '../../layout/scope.js';
import { useGroup } from '../../layout/scope-names.js';
import { OffsetPager, offsetParam } from '../dependencies/pager.js';
import '../dependencies/pages.css';
import { typeLabel, type Inventory, type InventoryProject, type KnownReportType, type SecurityCoverage } from '../security-configuration/report-types.js';
import { formatTime } from '../../components/format.js';

const PAGE_SIZE = 25;
const COVERAGE_KEY = ['security-coverage'] as const;

export default function InventoryPage() {
  const scope = scopeFromParams(useParams());
  if (scope.kind === 'project') {
    return (
      <>
        <PageHeader title="Security inventory" />
        <EmptyState>
          The inventory covers many projects: see this project's <Link to={scopePath(scope, 'security-configuration')}>security configuration</Link>.
        </EmptyState>
      </>
    );
  }
  return <InventoryView scope={scope} />;
}

function InventoryView({ scope }: { scope: Exclude<Scope, { kind: 'project' }> }) {
  const [params, setParams] = useSearchParams();
  const missingOnly = params.get('missing') === '1';
  const offset = offsetParam(params.get('offset'));
  const group = useGroup(scope.kind === 'group' ? scope.id : undefined);
  const url = scope.kind === 'group' ? `/api/v1/groups/${scope.id}/security-inventory` : '/api/v1/security-inventory';
  const inventory = useQuery({
    queryKey: ['security-inventory', url, missingOnly, offset],
    queryFn: ({ signal }) => api.get<Inventory>(url, { missing_only: missingOnly ? true : undefined, limit: PAGE_SIZE, offset }, signal),
    placeholderData: keepPreviousData,
  });
  const coverage = useQuery({ queryKey: COVERAGE_KEY, queryFn: ({ signal }) => api.get<SecurityCoverage>('/api/v1/settings/security-coverage', undefined, signal) });

  const update = (mutate: (next: URLSearchParams) => void) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      mutate(next);
      return next;
    });
  const data = inventory.data;
  const types = coverage.data?.knownReportTypes ?? (data === undefined ? [] : (Object.keys(data.items[0]?.reportTypes ?? {}) as KnownReportType[]));

  return (
    <>
      <PageHeader
        title="Security inventory"
        subtitle={
          <>
            Which report types each project {scope.kind === 'group' ? `of ${group.data?.fullPath ?? '…'} (with subgroups)` : 'you can see'} ran on its default branch,
            against the report types every project must run.
          </>
        }
      />
      {data === undefined ? null : (
        <div className="totals" aria-live="polite">
          <div className="tile">
            <div className="muted">Projects</div>
            <div className="count">{data.totals.projects}</div>
          </div>
          <div className="tile good">
            <div className="muted">Run every required scanner</div>
            <div className="count">{data.totals.compliant}</div>
          </div>
          <div className={data.totals.missingSomething > 0 ? 'tile bad' : 'tile'}>
            <div className="muted">Missing a required scanner</div>
            <div className="count">{data.totals.missingSomething}</div>
          </div>
        </div>
      )}
      <CoverageSettings coverage={coverage.data} error={coverage.error} />
      <section className="card" aria-labelledby="inventory-heading">
        <h2 id="inventory-heading">Scanner coverage</h2>
        <div className="filters">
          <label className="row">
            <input
              type="checkbox"
              checked={missingOnly}
              onChange={(event) =>
                update((next) => {
                  if (event.target.checked) next.set('missing', '1');
                  else next.delete('missing');
                  next.delete('offset');
                })
              }
            />
            Only projects missing a required scanner
          </label>
          {inventory.isFetching && data !== undefined ? <Spinner label="Updating" /> : null}
        </div>
        {inventory.isPending ? <Loading what="the inventory" /> : null}
        {inventory.error !== null ? <ErrorMessage error={inventory.error} title="Could not load the inventory" /> : null}
        {data !== undefined && data.items.length === 0 ? (
          <EmptyState>{missingOnly ? 'Every project runs the required scanners.' : 'No projects here yet.'}</EmptyState>
        ) : null}
        {data !== undefined && data.items.length > 0 ? (
          <>
            <CoverageMatrix items={data.items} types={types} required={data.requiredReportTypes} />
            <OffsetPager
              offset={offset}
              pageSize={PAGE_SIZE}
              total={data.total}
              shown={data.items.length}
              what="projects"
              onOffset={(value) =>
                update((next) => {
                  if (value === 0) next.delete('offset');
                  else next.set('offset', String(value));
                })
              }
            />
          </>
        ) : null}
      </section>
    </>
  );
}

function CoverageMatrix({ items, types, required }: { items: InventoryProject[]; types: readonly KnownReportType[]; required: readonly KnownReportType[] }) {
  return (
    <div className="table-wrap scroll-box">
      <table className="table matrix">
        <caption className="visually-hidden">Projects by report type: ✓ ran on the default branch, — never ran</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            {types.map((type) => (
              <th key={type} scope="col">
                {typeLabel(type)}
                {required.includes(type) ? (
                  <>
                    <br />
                    <span className="badge badge-neutral">Required</span>
                  </>
                ) : null}
              </th>
            ))}
            <th scope="col">Missing</th>
          </tr>
        </thead>
        <tbody>
          {items.map((project) => (
            <tr key={project.projectId} data-project={project.fullPath}>
              <th scope="row" className="cell-component">
                <Link to={scopePath({ kind: 'project', id: project.projectId }, 'security-configuration')}>{project.fullPath}</Link>
              </th>
              {types.map((type) => {
                const cell = project.reportTypes[type];
                const missing = project.missing.includes(type);
                if (cell.ran) {
                  return (
                    <td key={type} className="cell-ran" title={cell.lastRunAt === null ? undefined : `Last run ${formatTime(cell.lastRunAt)}`}>
                      ✓<span className="visually-hidden"> {typeLabel(type)} ran</span>
                      {cell.lastRunAt === null ? null : (
                        <div className="ran-date">
                          <time dateTime={cell.lastRunAt}>{new Date(cell.lastRunAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}</time>
                        </div>
                      )}
                    </td>
                  );
                }
                return (
                  <td key={type} className={missing ? 'cell-missing' : 'cell-none'}>
                    {missing ? '✗ Missing' : '—'}
                    <span className="visually-hidden"> {typeLabel(type)} {missing ? 'required, never ran' : 'not run'}</span>
                  </td>
                );
              })}
              <td>{project.missing.length === 0 ? <span className="cell-ran">None</span> : <span className="cell-missing">{project.missing.map(typeLabel).join(', ')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Required report types: everyone sees them, administrators change them. */
function CoverageSettings({ coverage, error }: { coverage: SecurityCoverage | undefined; error: unknown }) {
  const user = useUser();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<KnownReportType[] | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (requiredReportTypes: KnownReportType[]) => api.put<SecurityCoverage>('/api/v1/settings/security-coverage', { requiredReportTypes }),
    onSuccess: async (result) => {
      queryClient.setQueryData(COVERAGE_KEY, result);
      setDraft(result.requiredReportTypes);
      setSaved(true);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['security-inventory'] }),
        queryClient.invalidateQueries({ queryKey: ['security-configuration'] }),
      ]);
    },
  });
  if (error !== null) return <ErrorMessage error={error} title="Could not load the coverage settings" />;
  if (coverage === undefined) return <Loading what="the coverage settings" />;
  const current = draft ?? coverage.requiredReportTypes;
  const changed = [...current].sort().join(',') !== [...coverage.requiredReportTypes].sort().join(',');

  if (!user.isAdmin) {
    return (
      <section className="card" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Required report types</h2>
        <p>
          {coverage.requiredReportTypes.length === 0 ? 'None: every project counts as covered.' : coverage.requiredReportTypes.map(typeLabel).join(', ')}
          <span className="muted"> (set by an administrator)</span>
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">Required report types</h2>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(current);
        }}
      >
        <fieldset className="check-grid">
          <legend className="visually-hidden">Report types every project must run on its default branch</legend>
          {coverage.knownReportTypes.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={current.includes(type)}
                onChange={(event) => {
                  setSaved(false);
                  save.reset();
                  setDraft(event.target.checked ? [...current, type] : current.filter((t) => t !== type));
                }}
              />
              {typeLabel(type)}
            </label>
          ))}
        </fieldset>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={!changed || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save required report types'}
          </button>
          {coverage.updatedAt === null ? null : <span className="muted">Last changed {formatTime(coverage.updatedAt)}</span>}
        </div>
      </form>
      <div aria-live="polite">
        {save.error !== null ? <ErrorMessage error={save.error} title="The settings were not saved" /> : null}
        {saved && !changed && save.error === null ? <div className="alert alert-success">Required report types saved.</div> : null}
      </div>
    </section>
  );
}
