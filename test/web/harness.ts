/**
 * The web UI's test world: `bulwark serve`'s app on a fresh PGlite database, listening on a free
 * 127.0.0.1 port and serving the built UI (dist/web, from `npm run build`), seeded through the real
 * API with the hand-written reports of test/fixtures/reports; and Debian's Chromium driven by
 * playwright-core. Every test file starts its own world and browser and closes both.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { User } from '../../src/server/db/schema.js';
import { createTestServer, TEST_PASSWORD, type TestServer } from '../server/helper.js';
import { sastReport, type SastFindingSpec } from '../server/reports.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIR = join(REPO, 'dist', 'web');
export const HAS_WEB_BUILD = existsSync(join(WEB_DIR, 'index.html'));
/** Why a browser test file is skipped, for its describe title ('' when it runs). */
export const SKIP_REASON = !HAS_CHROMIUM
  ? ` (skipped: ${CHROMIUM} is absent; apt-get install -y chromium)`
  : !HAS_WEB_BUILD
    ? ' (skipped: dist/web is missing; run npm run build)'
    : '';
export const CAN_RUN = SKIP_REASON === '';

const REPORTS = join(REPO, 'test', 'fixtures', 'reports');

export interface SeedUser {
  readonly id: number;
  readonly username: string;
  readonly password: string;
  readonly token: string;
}

export interface UiWorld {
  readonly server: TestServer;
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** Instance admin. */
  readonly admin: SeedUser;
  /** Maintainer of group `acme` (may triage). */
  readonly maintainer: SeedUser;
  /** Reporter of project `acme/web` only (may read, not triage; sees nothing else). */
  readonly reporter: SeedUser;
  readonly groups: { readonly acme: number; readonly platform: number; readonly other: number };
  readonly projects: { readonly web: number; readonly api: number; readonly billing: number; readonly secret: number };
  /** Pipelines of acme/web: two on main (the second fixes and adds findings), one on a feature branch. */
  readonly pipelines: { readonly webMain1: number; readonly webMain2: number; readonly webFeature: number };
  close(): Promise<void>;
}

/** 48 SAST findings over a dozen files, every severity, for paging and filters. */
export function sampleSastFindings(count = 48, offset = 0): SastFindingSpec[] {
  const severities = ['Critical', 'High', 'High', 'Medium', 'Medium', 'Low', 'Info', 'Unknown'] as const;
  const rules = [
    { rule: 'javascript.express.sql-injection', name: 'SQL injection through string concatenation', cwe: 89 },
    { rule: 'javascript.express.xss-response', name: 'Reflected cross-site scripting', cwe: 79 },
    { rule: 'javascript.child-process.command-injection', name: 'OS command injection', cwe: 78 },
    { rule: 'javascript.crypto.weak-hash-md5', name: 'Weak hash algorithm (MD5)', cwe: 328 },
    { rule: 'javascript.path-traversal.fs-read', name: 'Path traversal in file read', cwe: 22 },
    { rule: 'javascript.ssrf.fetch-user-url', name: 'Server-side request forgery', cwe: 918 },
  ];
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const rule = rules[i % rules.length]!;
    return { rule: rule.rule, name: rule.name, cwe: rule.cwe, file: `src/routes/module-${i % 12}.js`, line: 10 + i, severity: severities[i % severities.length]! };
  });
}

async function must(server: TestServer, method: string, url: string, token: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await server.call(method, url, token, body);
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 500)}`);
  return response.body === '' ? {} : (JSON.parse(response.body) as Record<string, unknown>);
}

async function pipeline(server: TestServer, token: string, project: number, ref: string, sha: string, reports: Record<string, string>): Promise<number> {
  const created = await must(server, 'POST', `/api/v1/projects/${project}/pipelines`, token, { ref, sha, source: 'push', status: 'success' });
  const id = created.id as number;
  for (const [fileName, body] of Object.entries(reports)) {
    await must(server, 'POST', `/api/v1/projects/${project}/pipelines/${id}/reports?filename=${fileName}`, token, body);
  }
  return id;
}

const fixture = (name: string) => readFileSync(join(REPORTS, name), 'utf8');

/**
 * Start the world. Group acme (subgroup acme/platform) with projects web, api, platform/billing;
 * group other with project secret (only the admin sees it). acme/web has two main pipelines and a
 * feature pipeline; the others one main pipeline each. One vulnerability of web is confirmed, one
 * dismissed (false positive) by the maintainer.
 */
export async function startUiWorld(): Promise<UiWorld> {
  const server = await createTestServer('pglite');
  const users = new Map<string, User>();
  const make = async (username: string, admin = false): Promise<SeedUser> => {
    const { user, token } = await server.createUser(username, { admin });
    users.set(username, user);
    return { id: user.id, username, password: TEST_PASSWORD, token };
  };
  const admin = await make('admin', true);
  const maintainer = await make('maya');
  const reporter = await make('rita');
  const acme = await server.createGroup('acme');
  const platform = await server.createGroup('platform', acme);
  const other = await server.createGroup('other');
  const web = await server.createProject(acme, 'web');
  const api = await server.createProject(acme, 'api');
  const billing = await server.createProject(platform, 'billing');
  const secret = await server.createProject(other, 'secret');
  await server.addMember({ group: acme }, users.get('maya')!, 40);
  await server.addMember({ project: web }, users.get('rita')!, 20);

  const t = admin.token;
  const webMain1 = await pipeline(server, t, web.id, 'main', 'a'.repeat(40), {
    'gl-sast-report.json': sastReport(sampleSastFindings()),
    'gl-secret-detection-report.json': fixture('gl-secret-detection-report.json'),
    'gl-dependency-scanning-report.json': fixture('gl-dependency-scanning-report.json'),
    'gl-dast-report.json': fixture('gl-dast-report.json'),
    'gl-sbom.cdx.json': fixture('cdxgen-1.6.cdx.json'),
  });
  // The second main pipeline fixes the first 6 SAST findings and adds 3 new ones.
  const webMain2 = await pipeline(server, t, web.id, 'main', 'b'.repeat(40), {
    'gl-sast-report.json': sastReport([...sampleSastFindings(42, 6), ...sampleSastFindings(3, 100)]),
    'gl-secret-detection-report.json': fixture('gl-secret-detection-report.json'),
    'gl-dependency-scanning-report.json': fixture('gl-dependency-scanning-report.json'),
    'gl-dast-report.json': fixture('gl-dast-report.json'),
    'gl-sbom.cdx.json': fixture('cdxgen-1.6.cdx.json'),
  });
  const webFeature = await pipeline(server, t, web.id, 'feature/login', 'c'.repeat(40), {
    'gl-sast-report.json': sastReport([...sampleSastFindings(40, 8), ...sampleSastFindings(2, 200)]),
  });
  await pipeline(server, t, api.id, 'main', 'd'.repeat(40), {
    'gl-sast-report.json': fixture('gl-sast-report.json'),
    'gl-container-scanning-report.json': fixture('gl-container-scanning-report.json'),
    'gl-sbom.cdx.json': fixture('syft.cdx.json'),
  });
  await pipeline(server, t, billing.id, 'main', 'e'.repeat(40), { 'gl-sast-report.json': sastReport(sampleSastFindings(10, 300)) });
  await pipeline(server, t, secret.id, 'main', 'f'.repeat(40), { 'gl-sast-report.json': sastReport(sampleSastFindings(5, 400)) });

  // Triage two of web's vulnerabilities so states and history show.
  const list = await must(server, 'GET', `/api/v1/projects/${web.id}/vulnerabilities?limit=5`, t);
  const ids = (list.items as { id: number }[]).map((v) => v.id);
  await must(server, 'POST', `/api/v1/vulnerabilities/${ids[0]}/state`, maintainer.token, { state: 'confirmed', comment: 'Reproduced on staging.' });
  await must(server, 'POST', `/api/v1/vulnerabilities/${ids[1]}/state`, maintainer.token, {
    state: 'dismissed',
    dismissalReason: 'false_positive',
    comment: 'Input is a constant.',
  });

  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    server,
    baseUrl: address,
    admin,
    maintainer,
    reporter,
    groups: { acme: acme.id, platform: platform.id, other: other.id },
    projects: { web: web.id, api: api.id, billing: billing.id, secret: secret.id },
    pipelines: { webMain1, webMain2, webFeature },
    close: () => server.close(),
  };
}

export interface UiBrowser {
  readonly browser: Browser;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function openBrowser(): Promise<UiBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return {
    browser,
    newPage: async () => {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
      return context.newPage();
    },
    close: () => browser.close(),
  };
}

/** A test file's world and browser, started together (beforeAll) and closed together (afterAll). */
export async function startUi(): Promise<{ world: UiWorld; browser: UiBrowser }> {
  const world = await startUiWorld();
  try {
    return { world, browser: await openBrowser() };
  } catch (error) {
    await world.close();
    throw error;
  }
}

export async function closeUi(browser: UiBrowser | undefined, world: UiWorld | undefined): Promise<void> {
  await browser?.close();
  await world?.close();
}

/** Sign in through the sign-in page and wait until the app shell is there. */
export async function signIn(page: Page, world: UiWorld, user: SeedUser, path = '/vulnerabilities'): Promise<void> {
  await page.goto(`${world.baseUrl}/sign-in?next=${encodeURIComponent(path)}`);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Security pages' }).waitFor();
}

/**
 * Save a screenshot for the docs (docs/screenshots/NAME.png) when BULWARK_SCREENSHOTS=1, so a
 * normal test run does not rewrite tracked files.
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.BULWARK_SCREENSHOTS !== '1') return;
  const dir = join(REPO, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
