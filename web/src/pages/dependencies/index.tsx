import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { SeverityBadge } from '../../components/badges.js';
import { downloadBlob } from '../../components/download.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState, ErrorMessage, Loading, Spinner } from '../../components/status.js';
import { apiPrefix, scopeFromParams, scopePath, type Scope } from '../../layout/scope.js';
import { useGroup, useProject } from '../../layout/scope-names.js';
import {
  fetchCycloneDx,
  fetchDependencies,
  fetchLicenses,
  fetchPackageVulnerabilities,
  licensesKey,
  PAGE_SIZE,
  worstSeverity,
  type Dependency,
  type DependencyFilters,
} from './api.js';
import { OffsetPager, offsetParam } from './pager.js';
import './pages.css';

/** OSV ecosystem names as the server stores them (distros may add `:<release>`). */
const ECOSYSTEMS = ['npm', 'PyPI', 'Maven', 'Go', 'NuGet', 'RubyGems', 'Packagist', 'crates.io', 'Pub', 'Hex', 'Alpine', 'Debian', 'Ubuntu'];

function filtersFrom(params: URLSearchParams): DependencyFilters {
  const vulnerable = params.get('vulnerable');
  return {
    name: params.get('name') ?? '',
    ecosystem: params.get('ecosystem') ?? '',
    vulnerable: vulnerable === 'yes' || vulnerable === 'no' ? vulnerable : '',
    license: params.get('license') ?? '',
    offset: offsetParam(params.get('offset')),
  };
}

export default function DependenciesPage() {
  const scope = scopeFromParams(useParams());
  if (scope.kind === 'instance') {
    return (
      <>
        <PageHeader title="Dependency list" />
        <EmptyState>Choose a group or a project to see its dependencies.</EmptyState>
      </>
    );
  }
  return <DependencyList scope={scope} />;
}

function useScopeName(scope: Scope): string | undefined {
  const group = useGroup(scope.kind === 'group' ? scope.id : undefined);
  const project = useProject(scope.kind === 'project' ? scope.id : undefined);
  return scope.kind === 'group' ? group.data?.fullPath : project.data?.fullPath;
}

function DependencyList({ scope }: { scope: Exclude<Scope, { kind: 'instance' }> }) {
  const prefix = apiPrefix(scope);
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const scopeName = useScopeName(scope);

  const list = useQuery({
    queryKey: ['dependencies', prefix, filters],
    queryFn: ({ signal }) => fetchDependencies(prefix, filters, signal),
    placeholderData: keepPreviousData,
  });
  const licenses = useQuery({ queryKey: licensesKey(prefix), queryFn: ({ signal }) => fetchLicenses(prefix, signal), staleTime: 30_000 });

  /** Change one filter: back to the first page; empty values leave the URL. */
  const setFilter = (key: string, value: string) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(key);
        else next.set(key, value);
        next.delete('offset');
        return next;
      },
      { replace: true },
    );
  };
  const setOffset = (offset: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (offset === 0) next.delete('offset');
      else next.set('offset', String(offset));
      return next;
    });

  const filtered = filters.name !== '' || filters.ecosystem !== '' || filters.vulnerable !== '' || filters.license !== '';
  const licenseOptions = (licenses.data?.licenses ?? []).map((l) => l.license).filter((l) => l !== 'unknown');
  if (filters.license !== '' && !licenseOptions.includes(filters.license)) licenseOptions.unshift(filters.license);

  return (
    <>
      <PageHeader
        title="Dependency list"
        subtitle={
          <>
            Packages of the latest default-branch SBOM{scope.kind === 'group' ? ' of every project' : ''} in {scopeName ?? '…'}, with open vulnerabilities and
            licenses.
          </>
        }
        actions={scope.kind === 'project' ? <CycloneDxExport projectId={scope.id} /> : undefined}
      />
      <div className="card">
        <form className="filters" role="search" aria-label="Filter dependencies" onSubmit={(event) => event.preventDefault()}>
          <NameFilter value={filters.name} onChange={(value) => setFilter('name', value)} />
          <div className="field">
            <label htmlFor="dep-ecosystem">Ecosystem</label>
            <select id="dep-ecosystem" className="select" value={filters.ecosystem} onChange={(event) => setFilter('ecosystem', event.target.value)}>
              <option value="">All ecosystems</option>
              {[...new Set([...(filters.ecosystem === '' ? [] : [filters.ecosystem]), ...ECOSYSTEMS])].map((ecosystem) => (
                <option key={ecosystem} value={ecosystem}>
                  {ecosystem}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dep-vulnerable">Vulnerabilities</label>
            <select id="dep-vulnerable" className="select" value={filters.vulnerable} onChange={(event) => setFilter('vulnerable', event.target.value)}>
              <option value="">Any</option>
              <option value="yes">With open vulnerabilities</option>
              <option value="no">Without vulnerabilities</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="dep-license">License</label>
            <select id="dep-license" className="select" value={filters.license} onChange={(event) => setFilter('license', event.target.value)}>
              <option value="">Any license</option>
              {licenseOptions.map((license) => (
                <option key={license} value={license}>
                  {license}
                </option>
              ))}
            </select>
          </div>
          {filtered ? (
            <button type="button" className="btn btn-ghost" onClick={() => setParams({}, { replace: true })}>
              Clear filters
            </button>
          ) : null}
        </form>

        <p className="muted" aria-live="polite">
          {list.data === undefined ? '' : `${list.data.total} ${list.data.total === 1 ? 'package' : 'packages'}${filtered ? ' match the filters' : ''}`}
          {list.isFetching && list.data !== undefined ? <Spinner label="Updating" /> : null}
        </p>
        {list.error !== null ? <ErrorMessage error={list.error} title="Could not load the dependency list" /> : null}
        {list.isPending ? <Loading what="dependencies" /> : null}
        {list.data !== undefined && list.data.items.length === 0 ? (
          <EmptyState>{filtered ? 'No package matches these filters.' : 'No dependencies yet: upload a CycloneDX SBOM or a dependency scanning report from a default-branch pipeline.'}</EmptyState>
        ) : null}
        {list.data !== undefined && list.data.items.length > 0 ? (
          <>
            <DependencyTable items={list.data.items} scope={scope} />
            <OffsetPager offset={filters.offset} pageSize={PAGE_SIZE} total={list.data.total} shown={list.data.items.length} onOffset={setOffset} what="dependencies" />
          </>
        ) : null}
      </div>
    </>
  );
}

/** Typing updates the URL after a pause, so each keystroke does not become a request. */
function NameFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [text, setText] = useState(value);
  const [pushed, setPushed] = useState(value);
  // Follow the URL when it changes from outside (back button, "Clear filters"), not when it
  // catches up with what was typed.
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    setSynced(value);
    if (value !== pushed) setText(value);
    setPushed(value);
  }
  const push = (next: string) => {
    setPushed(next);
    onChange(next);
  };
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => push(text), 300);
    return () => clearTimeout(timer);
  });
  return (
    <div className="field">
      <label htmlFor="dep-name">Component name</label>
      <input
        id="dep-name"
        className="input"
        type="search"
        placeholder="e.g. lodash"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') push(text);
        }}
      />
    </div>
  );
}

function DependencyTable({ items, scope }: { items: Dependency[]; scope: Scope }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns = scope.kind === 'group' ? 7 : 6;
  return (
    <div className="table-wrap scroll-box">
      <table className="table">
        <caption className="visually-hidden">Dependencies</caption>
        <thead>
          <tr>
            <th scope="col">Component</th>
            {scope.kind === 'group' ? <th scope="col">Project</th> : null}
            <th scope="col">Packager</th>
            <th scope="col">Location</th>
            <th scope="col">Licenses</th>
            <th scope="col">Vulnerabilities</th>
            <th scope="col">Dependency</th>
          </tr>
        </thead>
        <tbody>
          {items.map((dep) => (
            <Fragment key={dep.id}>
              <DependencyRow dep={dep} scope={scope} expanded={open.has(dep.id)} onToggle={() => toggle(dep.id)} />
              {open.has(dep.id) ? (
                <tr className="expanded-row">
                  <td colSpan={columns} id={`dep-vulns-${dep.id}`}>
                    <PackageVulnerabilities dep={dep} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DependencyRow({ dep, scope, expanded, onToggle }: { dep: Dependency; scope: Scope; expanded: boolean; onToggle: () => void }) {
  const worst = worstSeverity(dep.vulnerabilities);
  const total = dep.vulnerabilities.total;
  const path = dep.dependencyPath ?? [];
  return (
    <tr className={dep.deniedLicenses.length > 0 ? 'row-denied' : undefined}>
      <th scope="row" className="cell-component">
        <div className="dep-name">{dep.name}</div>
        <div className="mono" title={dep.purl}>
          {dep.version}
        </div>
      </th>
      {scope.kind === 'group' ? (
        <td>
          <Link to={scopePath({ kind: 'project', id: dep.projectId }, 'dependencies')}>{dep.projectFullPath}</Link>
        </td>
      ) : null}
      <td>
        {dep.ecosystem}
        {dep.packageManager === null ? null : <div className="muted">{dep.packageManager}</div>}
      </td>
      <td>
        {dep.locations.length === 0 ? <span className="muted">—</span> : dep.locations.map((l) => <div key={`${l.file}:${l.line ?? ''}`} className="mono">{l.line === undefined ? l.file : `${l.file}:${l.line}`}</div>)}
        {path.length > 0 ? (
          <div className="dep-path">
            via {path.map((p) => `${p.name}@${p.version}`).join(' › ')}
          </div>
        ) : null}
      </td>
      <td>
        {dep.licenses.length === 0 ? <span className="muted">Unknown</span> : null}
        {dep.licenses.map((license) =>
          dep.deniedLicenses.some((denied) => denied.toLowerCase() === license.toLowerCase()) ? (
            <span key={license} className="badge badge-denied" title="Denied by the project's license policy">
              ✗ {license} · denied
            </span>
          ) : (
            <span key={license} className="badge badge-license">
              {license}
            </span>
          ),
        )}
      </td>
      <td>
        {total === 0 || worst === null ? (
          <span className="muted">None</span>
        ) : (
          <div className="row">
            <SeverityBadge severity={worst} />
            <button type="button" className="btn btn-sm" aria-expanded={expanded} aria-controls={`dep-vulns-${dep.id}`} onClick={onToggle}>
              {expanded ? 'Hide' : 'Show'} {total} {total === 1 ? 'vulnerability' : 'vulnerabilities'}
              <span className="visually-hidden"> of {dep.name}</span>
            </button>
          </div>
        )}
      </td>
      <td>
        {dep.isDirect === null ? <span className="muted">Unknown</span> : dep.isDirect ? 'Direct' : 'Transitive'}
        {dep.isDev ? <div className="muted">development</div> : null}
      </td>
    </tr>
  );
}

function PackageVulnerabilities({ dep }: { dep: Dependency }) {
  const headingId = useId();
  const query = useQuery({
    queryKey: ['package-vulnerabilities', dep.projectId],
    queryFn: ({ signal }) => fetchPackageVulnerabilities(dep.projectId, signal),
    staleTime: 30_000,
  });
  if (query.isPending) return <Loading what={`vulnerabilities of ${dep.name}`} />;
  if (query.error !== null) return <ErrorMessage error={query.error} title="Could not load the vulnerabilities" />;
  const matches = query.data.items.filter((v) => v.packageName === dep.name && v.packageVersion === dep.version);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>
        Open vulnerabilities of {dep.name} {dep.version}
      </h3>
      {matches.length === 0 ? (
        <p className="muted">None found in this project's dependency findings.</p>
      ) : (
        <ul className="vuln-list">
          {matches.map((v) => (
            <li key={v.id}>
              <SeverityBadge severity={v.severity} />
              <Link to={`/vulnerabilities/${v.id}`}>{v.title}</Link>
              <span className="muted">{v.primaryIdentifier.name}</span>
            </li>
          ))}
        </ul>
      )}
      {!query.data.complete || matches.length < dep.vulnerabilities.total ? (
        <p className="muted">
          Showing {matches.length} of {dep.vulnerabilities.total}.{' '}
          <Link to={scopePath({ kind: 'project', id: dep.projectId }, 'vulnerabilities')}>See the project's vulnerability report</Link>.
        </p>
      ) : null}
    </section>
  );
}

function CycloneDxExport({ projectId }: { projectId: number }) {
  const [state, setState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  const run = async () => {
    setState({ busy: true, error: null });
    try {
      const { blob, fileName } = await fetchCycloneDx(projectId);
      downloadBlob(blob, fileName);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return (
    <div className="stack">
      <button type="button" className="btn" onClick={() => void run()} disabled={state.busy}>
        {state.busy ? <Spinner label="Exporting" /> : null} Export as CycloneDX
      </button>
      {state.error === null ? null : <ErrorMessage error={state.error} />}
    </div>
  );
}
