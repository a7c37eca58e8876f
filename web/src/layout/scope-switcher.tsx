import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useGroup, useProject, useVisibleScopes } from './scope-names.js';
import { scopePath, type Scope } from './scope.js';
import { pagesOf } from './nav.js';

/** The name of the current scope, as the switcher button shows it. */
function useScopeName(scope: Scope): string {
  const group = useGroup(scope.kind === 'group' ? scope.id : undefined);
  const project = useProject(scope.kind === 'project' ? scope.id : undefined);
  if (scope.kind === 'group') return group.data?.fullPath ?? `group ${scope.id}`;
  if (scope.kind === 'project') return project.data?.fullPath ?? `project ${scope.id}`;
  return 'All projects';
}

/**
 * Pick the instance, a group or a project. Lists only what the server says the user can see; the
 * target keeps the current page when the new scope has it, else the vulnerability report.
 */
export function ScopeSwitcher({ scope, page }: { scope: Scope; page: string }) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const { groups, projects } = useVisibleScopes();
  const name = useScopeName(scope);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const target = (next: Scope) => scopePath(next, pagesOf(next).some((p) => p.page === page) ? page : 'vulnerabilities');
  const needle = filter.trim().toLowerCase();
  const matches = (text: string) => needle === '' || text.toLowerCase().includes(needle);

  return (
    <div className="switcher" ref={root}>
      <button type="button" className="switcher-button" aria-expanded={open} aria-controls={panelId} aria-haspopup="true" onClick={() => setOpen(!open)}>
        <span className="visually-hidden">Scope: </span>
        {name} ▾
      </button>
      {open ? (
        <div className="switcher-panel" id={panelId}>
          <label className="visually-hidden" htmlFor={`${panelId}-filter`}>
            Filter groups and projects
          </label>
          <input id={`${panelId}-filter`} className="input" style={{ width: '100%' }} placeholder="Filter groups and projects" value={filter} onChange={(e) => setFilter(e.target.value)} autoFocus />
          <ul aria-label="Groups and projects">
            <li>
              <Link to={target({ kind: 'instance' })} onClick={() => setOpen(false)}>
                All projects<span className="kind">instance</span>
              </Link>
            </li>
            {(groups.data ?? [])
              .filter((g) => matches(g.fullPath))
              .map((g) => (
                <li key={`g${g.id}`}>
                  <Link to={target({ kind: 'group', id: g.id })} onClick={() => setOpen(false)}>
                    {g.fullPath}
                    <span className="kind">group</span>
                  </Link>
                </li>
              ))}
            {(projects.data ?? [])
              .filter((p) => matches(p.fullPath))
              .map((p) => (
                <li key={`p${p.id}`}>
                  <Link to={target({ kind: 'project', id: p.id })} onClick={() => setOpen(false)}>
                    {p.fullPath}
                    <span className="kind">project</span>
                  </Link>
                </li>
              ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
