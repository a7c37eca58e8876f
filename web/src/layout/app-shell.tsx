import { useQueryClient } from '@tanstack/react-query';
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { signOut, useUser } from '../auth/session.js';
import { useVulnerability } from '../pages/vulnerability/api.js';
import { pagesOf } from './nav.js';
import { scopeFromParams, scopePath, type Scope } from './scope.js';
import { ScopeSwitcher } from './scope-switcher.js';

/** The page segment of the current path: `/groups/4/dashboard` → `dashboard`. */
function currentPage(pathname: string): string {
  const parts = pathname.split('/').filter(Boolean);
  if ((parts[0] === 'groups' || parts[0] === 'projects') && parts.length >= 3) return parts[2] ?? '';
  return parts[0] ?? '';
}

export function AppShell() {
  const user = useUser();
  const params = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // /vulnerabilities/:id has no scope in its URL: it is in its project's (same query as the page, so one request).
  const vulnerabilityId = Number(params.vulnerabilityId);
  const vulnerability = useVulnerability(params.vulnerabilityId !== undefined && Number.isSafeInteger(vulnerabilityId) ? vulnerabilityId : 0);
  const scope: Scope = params.vulnerabilityId !== undefined && vulnerability.data !== undefined ? { kind: 'project', id: vulnerability.data.projectId } : scopeFromParams(params);
  const page = currentPage(location.pathname);

  async function leave() {
    await signOut().catch(() => undefined);
    queryClient.clear();
    await navigate('/sign-in', { replace: true });
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell-header">
        <Link className="brand" to="/vulnerabilities">
          <img src="/favicon.svg" alt="" width={22} height={22} />
          Bulwark
        </Link>
        <ScopeSwitcher scope={scope} page={page} />
        <span className="spacer" />
        <span>
          {user.username}
          {user.isAdmin ? ' (admin)' : ''}
        </span>
        <button type="button" className="btn btn-sm" onClick={() => void leave()}>
          Sign out
        </button>
      </header>
      <nav className="shell-nav" aria-label="Security pages">
        <ul>
          {pagesOf(scope).map((item) => (
            <li key={item.page}>
              <NavLink to={scopePath(scope, item.page)} end={false}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="shell-main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
