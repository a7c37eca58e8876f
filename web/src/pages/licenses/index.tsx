import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyState, ErrorMessage, Loading } from '../../components/status.js';
import { apiPrefix, scopeFromParams, scopePath, type Scope } from '../../layout/scope.js';
import { useGroup, useProject } from '../../layout/scope-names.js';
import { fetchLicenses, licensesKey, type LicensePolicy, type LicenseUse } from '../dependencies/api.js';
import '../dependencies/pages.css';

const SPDX_ID = /^[A-Za-z0-9][A-Za-z0-9.+-]*$/;

export default function LicensesPage() {
  const scope = scopeFromParams(useParams());
  if (scope.kind === 'instance') {
    return (
      <>
        <PageHeader title="License compliance" />
        <EmptyState>Choose a group or a project to see the licenses of its dependencies.</EmptyState>
      </>
    );
  }
  return <LicenseCompliance scope={scope} />;
}

function LicenseCompliance({ scope }: { scope: Exclude<Scope, { kind: 'instance' }> }) {
  const prefix = apiPrefix(scope);
  const group = useGroup(scope.kind === 'group' ? scope.id : undefined);
  const project = useProject(scope.kind === 'project' ? scope.id : undefined);
  const name = scope.kind === 'group' ? group.data?.fullPath : project.data?.fullPath;
  const licenses = useQuery({ queryKey: licensesKey(prefix), queryFn: ({ signal }) => fetchLicenses(prefix, signal) });
  const list = licenses.data?.licenses ?? [];
  const denied = list.filter((l) => l.denied);

  return (
    <>
      <PageHeader
        title="License compliance"
        subtitle={
          <>
            Licenses declared by the dependencies of {name ?? '…'}
            {scope.kind === 'group' ? ' and its subgroups; "denied" means a project that uses it denies it' : ''}.
          </>
        }
      />
      {scope.kind === 'project' ? <LicensePolicyEditor projectId={scope.id} inUse={list} /> : null}
      <section className="card" aria-labelledby="licenses-heading">
        <h2 id="licenses-heading">Licenses in use</h2>
        <p className="muted" aria-live="polite">
          {licenses.data === undefined ? '' : `${list.length} ${list.length === 1 ? 'license' : 'licenses'} in use, ${denied.length} denied`}
        </p>
        {denied.length > 0 ? (
          <div className="alert alert-error" role="status">
            Denied licenses in use: {denied.map((l) => l.license).join(', ')}
          </div>
        ) : null}
        {licenses.isPending ? <Loading what="licenses" /> : null}
        {licenses.error !== null ? <ErrorMessage error={licenses.error} title="Could not load the licenses" /> : null}
        {licenses.data !== undefined && list.length === 0 ? <EmptyState>No dependencies with licenses yet: upload a CycloneDX SBOM from a default-branch pipeline.</EmptyState> : null}
        {list.length > 0 ? <LicenseTable licenses={list} scope={scope} /> : null}
      </section>
    </>
  );
}

function LicenseTable({ licenses, scope }: { licenses: LicenseUse[]; scope: Scope }) {
  return (
    <div className="table-wrap scroll-box">
      <table className="table">
        <caption className="visually-hidden">Licenses in use</caption>
        <thead>
          <tr>
            <th scope="col">License</th>
            <th scope="col">Policy</th>
            <th scope="col" className="num">
              Packages
            </th>
            {scope.kind === 'group' ? (
              <th scope="col" className="num">
                Projects
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {licenses.map((l) => {
            const known = l.license !== 'unknown';
            return (
              <tr key={l.license} className={l.denied ? 'row-denied' : undefined}>
                <th scope="row" className="cell-component">
                  {known && SPDX_ID.test(l.license) && !l.license.startsWith('LicenseRef-') ? (
                    <a href={`https://spdx.org/licenses/${encodeURIComponent(l.license)}.html`} target="_blank" rel="noreferrer">
                      {l.license}
                    </a>
                  ) : known ? (
                    l.license
                  ) : (
                    <span className="muted">Unknown (no license declared)</span>
                  )}
                </th>
                <td>
                  {l.denied ? (
                    <span className="badge badge-denied">✗ Denied</span>
                  ) : known ? (
                    <span className="badge badge-allowed">✓ Allowed</span>
                  ) : (
                    <span className="muted">Cannot be checked</span>
                  )}
                </td>
                <td className="num">
                  {known ? (
                    <Link to={`${scopePath(scope, 'dependencies')}?license=${encodeURIComponent(l.license)}`} aria-label={`${l.packages} packages under ${l.license}`}>
                      {l.packages}
                    </Link>
                  ) : (
                    l.packages
                  )}
                </td>
                {scope.kind === 'group' ? <td className="num">{l.projects}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The project's deny list. Everyone who can read it sees it; saving needs maintainer rights, and
 * the server's answer (403, or a validation error for a malformed id) is shown as it comes.
 */
function LicensePolicyEditor({ projectId, inUse }: { projectId: number; inUse: LicenseUse[] }) {
  const queryClient = useQueryClient();
  const policyKey = ['license-policy', projectId] as const;
  const policy = useQuery({ queryKey: policyKey, queryFn: ({ signal }) => api.get<LicensePolicy>(`/api/v1/projects/${projectId}/license-policy`, undefined, signal) });
  const [draft, setDraft] = useState<string[] | null>(null);
  const [entry, setEntry] = useState('');
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: (denied: string[]) => api.put<LicensePolicy>(`/api/v1/projects/${projectId}/license-policy`, { denied }),
    onSuccess: async (result) => {
      queryClient.setQueryData(policyKey, result);
      setDraft(result.denied);
      setSaved(true);
      // Denied flags live in the licence and dependency lists too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['licenses'] }),
        queryClient.invalidateQueries({ queryKey: ['dependencies'] }),
      ]);
    },
  });

  if (policy.isPending) return <Loading what="the license policy" />;
  if (policy.error !== null) return <ErrorMessage error={policy.error} title="Could not load the license policy" />;
  const current = draft ?? policy.data.denied;
  const changed = current.join('\n') !== policy.data.denied.join('\n');

  const add = (event: FormEvent) => {
    event.preventDefault();
    const ids = entry
      .split(/[\s,]+/)
      .map((id) => id.trim())
      .filter((id) => id !== '' && !current.some((c) => c.toLowerCase() === id.toLowerCase()));
    if (ids.length > 0) setDraft([...current, ...ids]);
    setEntry('');
    setSaved(false);
    save.reset();
  };
  const remove = (id: string) => {
    setDraft(current.filter((c) => c !== id));
    setSaved(false);
    save.reset();
  };

  return (
    <section className="card" aria-labelledby="policy-heading">
      <h2 id="policy-heading">Denied licenses</h2>
      <p className="muted">Dependencies under one of these SPDX licenses are flagged in the dependency list and the license table. Maintainers can change the list.</p>
      {current.length === 0 ? (
        <p>No license is denied.</p>
      ) : (
        <ul className="chip-list" aria-label="Denied licenses">
          {current.map((id) => (
            <li key={id} className="chip">
              {id}
              <button type="button" aria-label={`Remove ${id}`} onClick={() => remove(id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="filters" onSubmit={add} style={{ marginTop: 'var(--space-3)' }}>
        <div className="field">
          <label htmlFor="policy-add">SPDX license id</label>
          <input id="policy-add" className="input" list="policy-suggestions" placeholder="e.g. GPL-3.0-only" value={entry} onChange={(event) => setEntry(event.target.value)} />
          <datalist id="policy-suggestions">
            {inUse
              .filter((l) => l.license !== 'unknown' && !l.denied)
              .map((l) => (
                <option key={l.license} value={l.license} />
              ))}
          </datalist>
        </div>
        <button type="submit" className="btn" disabled={entry.trim() === ''}>
          Add
        </button>
        <button type="button" className="btn btn-primary" disabled={!changed || save.isPending} onClick={() => save.mutate(current)}>
          {save.isPending ? 'Saving…' : 'Save policy'}
        </button>
        {changed ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setDraft(policy.data.denied);
              save.reset();
            }}
          >
            Discard changes
          </button>
        ) : null}
      </form>
      <div aria-live="polite">
        {save.error !== null ? <ErrorMessage error={save.error} title="The policy was not saved" /> : null}
        {saved && !changed && save.error === null ? <div className="alert alert-success">License policy saved.</div> : null}
      </div>
    </section>
  );
}
