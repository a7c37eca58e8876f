import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_RUN, closeUi, docScreenshot, openBrowser, type SeedUser, signIn, SKIP_REASON, startUiWorld, type UiBrowser, type UiWorld } from './harness.js';

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info', 'unknown'] as const;
type Day = { day: string } & Record<(typeof SEVERITIES)[number], number>;

/**
 * The seed's pipelines all ran today, so the chart would have one point. Give acme/web and acme/api
 * the daily-count rows earlier pipelines would have left over the past months (the table holds a
 * row per project, day and severity whenever the counts changed).
 */
async function seedHistory(world: UiWorld): Promise<void> {
  const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
  const history: [project: number, daysAgo: number, counts: number[]][] = [
    [world.projects.web, 84, [2, 5, 9, 4, 3, 1]],
    [world.projects.web, 61, [4, 9, 12, 6, 5, 2]],
    [world.projects.web, 38, [6, 12, 15, 8, 6, 4]],
    [world.projects.web, 17, [3, 8, 11, 7, 6, 4]],
    [world.projects.api, 70, [1, 3, 4, 2, 0, 0]],
    [world.projects.api, 25, [3, 6, 5, 2, 1, 1]],
  ];
  const rows = history.flatMap(([project, daysAgo, counts]) => SEVERITIES.map((severity, i) => ({ project_id: project, day: day(daysAgo), severity, count: counts[i]! })));
  await world.server.app.db.insertInto('vulnerability_daily_counts').values(rows).execute();
  // One fix, resolved through the API, so time to remediate has a row to show.
  const list = await world.server.call('GET', `/api/v1/projects/${world.projects.api}/vulnerabilities?severity=high&limit=1`, world.maintainer.token);
  const [fixed] = (JSON.parse(list.body) as { items: { id: number }[] }).items;
  if (fixed === undefined) throw new Error('acme/api has no high vulnerability to resolve');
  const resolved = await world.server.call('POST', `/api/v1/vulnerabilities/${fixed.id}/state`, world.maintainer.token, { state: 'resolved', comment: 'Fixed in the next release.' });
  if (resolved.statusCode !== 200) throw new Error(`resolve: ${resolved.statusCode} ${resolved.body}`);
}

describe.skipIf(!CAN_RUN)(`web UI: security dashboard${SKIP_REASON}`, () => {
  let world: UiWorld;
  let browser: UiBrowser;
  beforeAll(async () => {
    world = await startUiWorld();
    await seedHistory(world);
    browser = await openBrowser();
  }, 120_000);
  afterAll(() => closeUi(browser, world));

  async function apiGet<T>(url: string, user: SeedUser = world.maintainer): Promise<T> {
    const response = await world.server.call('GET', url, user.token);
    expect(response.statusCode, url).toBe(200);
    return JSON.parse(response.body) as T;
  }

  /** The chart's SVG, once ECharts has drawn the series into it and finished animating. */
  async function chartSvgMarkup(page: Page): Promise<string> {
    const chart = page.getByTestId('open-chart');
    await page.locator('[data-testid="open-chart"][data-drawn="true"]').waitFor({ state: 'attached', timeout: 15_000 });
    return chart.innerHTML();
  }

  it('shows a group: counts, chart by severity, grades, SLA and time to remediate; the range is in the URL', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/groups/${world.groups.acme}/dashboard`);
    const { days } = await apiGet<{ days: Day[] }>(`/api/v1/groups/${world.groups.acme}/dashboard/daily-counts?days=90`);
    const today = days.at(-1)!;
    const open = SEVERITIES.reduce((sum, s) => sum + today[s], 0);
    expect(open).toBeGreaterThan(0);

    // Summary tiles: open counts per severity now (today's point of the chart, which agrees with the report's counts).
    const counts = await apiGet<Record<string, number>>(`/api/v1/groups/${world.groups.acme}/vulnerabilities/counts?state=detected&state=confirmed`);
    expect(counts.total).toBe(open);
    const tiles = page.getByRole('list', { name: 'Open vulnerabilities by severity' });
    const expected = ['Critical', 'High', 'Medium', 'Low', 'Info', 'Unknown'].map((label, i) => `${label}${counts[SEVERITIES[i]!]}`);
    await expect.poll(() => tiles.getByRole('listitem').allTextContents()).toEqual(expected);
    await tiles.getByRole('link', { name: /High: open in the vulnerability report/ }).waitFor();
    expect(await tiles.getByRole('link', { name: /High: open/ }).getAttribute('href')).toBe(`/groups/${world.groups.acme}/vulnerabilities?severity=high`);

    // The chart is an SVG with a stroked line per seeded severity, in the token colours.
    const svg = await chartSvgMarkup(page);
    // (Browser-side code as strings: this file is typechecked without the DOM library.)
    const colours = await page.evaluate<Record<string, string>>(
      `Object.fromEntries(${JSON.stringify(SEVERITIES)}.map((s) => [s, getComputedStyle(document.documentElement).getPropertyValue('--sev-' + s).trim().toLowerCase()]))`,
    );
    const seeded = SEVERITIES.filter((s) => today[s] > 0);
    expect(seeded.length).toBeGreaterThanOrEqual(4);
    for (const severity of seeded) expect(svg.toLowerCase(), severity).toContain(`stroke="${colours[severity]}"`);
    const label = await page.getByTestId('open-chart').getAttribute('aria-label');
    expect(label).toContain(`${today.day}: ${open} open`);
    expect(label).toContain(`${today.critical} critical`);
    const first = days[0]!;
    expect(label).toContain(`${first.day}: ${SEVERITIES.reduce((sum, s) => sum + first[s], 0)} open`);

    // The same numbers as a table.
    await page.getByText('Show the data as a table').click();
    const dataTable = page.getByRole('table', { name: 'Open vulnerabilities per day and severity' });
    await expect.poll(() => dataTable.locator('tbody tr').count()).toBe(90);
    const firstRow = await dataTable.locator('tbody tr').first().locator('th, td').allTextContents();
    expect(firstRow).toEqual([today.day, ...SEVERITIES.map((s) => String(today[s])), String(open)]);

    // Range picker: the URL and the request change, and the table follows.
    const request = page.waitForRequest((r) => r.url().includes('/dashboard/daily-counts?days=30'));
    await page.getByRole('radio', { name: '30 days' }).click(); // URL-driven: the state follows the navigation
    await request;
    await page.waitForURL(/[?&]days=30\b/);
    await expect.poll(() => dataTable.locator('tbody tr').count()).toBe(30);
    // The oldest day of 30 carries the history before it (acme/web's and acme/api's earlier rows).
    const month = (await apiGet<{ days: Day[] }>(`/api/v1/groups/${world.groups.acme}/dashboard/daily-counts?days=30`)).days[0]!;
    const monthTotal = SEVERITIES.reduce((sum, s) => sum + month[s], 0);
    expect(monthTotal).toBeGreaterThan(0);
    expect(await dataTable.locator('tbody tr').last().locator('th, td').allTextContents()).toEqual([month.day, ...SEVERITIES.map((s) => String(month[s])), String(monthTotal)]);
    // Unstacked too, and both survive a reload.
    await page.getByRole('checkbox', { name: 'Stacked' }).click(); // URL-driven
    await page.waitForURL(/stacked=0/);
    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: '30 days' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Stacked' }).isChecked()).toBe(false);
    // After the reload the chart says it is loading until its data arrive.
    await expect.poll(() => page.getByTestId('open-chart').getAttribute('aria-label')).toMatch(/^Line chart/);

    // Grades: acme/web has open critical findings, so it is under F, linking to its report.
    const grades = await apiGet<{ grades: { grade: string; projects: { fullPath: string }[] }[] }>(`/api/v1/groups/${world.groups.acme}/dashboard/grades`);
    expect(grades.grades.find((g) => g.projects.some((p) => p.fullPath === 'acme/web'))?.grade).toBe('F');
    const gradeF = page.getByRole('group', { name: /^Grade F: / });
    const webLink = gradeF.getByRole('link', { name: 'acme/web' });
    await webLink.waitFor();
    expect(await webLink.getAttribute('href')).toBe(`/projects/${world.projects.web}/vulnerabilities`);
    for (const entry of grades.grades) {
      const group = page.getByRole('group', { name: new RegExp(`^Grade ${entry.grade}: ${entry.projects.length} project`) });
      expect(await group.getByRole('link').allTextContents()).toEqual(entry.projects.map((p) => p.fullPath));
    }

    // SLA breaches and mean time to remediate, one row per severity.
    const sla = await apiGet<{ bySeverity: Record<string, { open: number; breached: number }> }>(`/api/v1/groups/${world.groups.acme}/dashboard/sla`);
    const slaTable = page.getByRole('table', { name: 'SLA breaches by severity' });
    await slaTable.waitFor();
    expect(await slaTable.locator('tbody tr').count()).toBe(6);
    const slaOpen = SEVERITIES.reduce((sum, s) => sum + sla.bySeverity[s]!.open, 0);
    expect(await slaTable.locator('tfoot tr td').nth(1).textContent()).toBe(String(slaOpen));
    const mttrTable = page.getByRole('table', { name: /^Mean time to remediate by severity, last 30 days/ });
    await mttrTable.waitFor();
    expect(await mttrTable.locator('tbody tr').count()).toBe(6);
    // The high vulnerability resolved today (detected today too): one fix, under a day.
    expect(await mttrTable.locator('tbody tr').nth(1).locator('th, td').allTextContents()).toEqual(['High', '1', '< 0.1 days']);
    expect(await mttrTable.locator('tbody tr').first().locator('td').last().textContent()).toBe('None resolved');

    // Keyboard: arrows move through the range radios; the default (90 days) leaves the URL plain.
    await page.getByRole('radio', { name: '30 days' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/[?&]days=60\b/);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((url) => !url.search.includes('days='));
    await page.getByRole('checkbox', { name: 'Stacked' }).click(); // URL-driven
    await expect.poll(() => page.getByTestId('open-chart').getAttribute('aria-label')).toMatch(/^Stacked area chart .* over 90 days\.$/);
    await chartSvgMarkup(page);
    await docScreenshot(page, 'dashboard');
    await page.close();
  });

  it('downloads the chart as a valid SVG and a valid PNG', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/groups/${world.groups.acme}/dashboard?days=60`);
    await chartSvgMarkup(page);
    // The file name and the exported title carry the group's path, from a query of its own (the
    // switcher shows it from the same one): wait for it before exporting.
    await page.getByRole('button', { name: 'Scope: acme ▾' }).waitFor();

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toMatch(/^open-vulnerabilities-acme-60d-\d{4}-\d\d-\d\d\.svg$/);
    const svg = await readFile((await svgDownload.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // Well-formed: an image viewer or an XML parser accepts it, not only a forgiving HTML parser.
    const parseError = await page.evaluate<string | null>(`new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null`);
    expect(parseError).toBeNull();
    expect(svg).toContain('Open vulnerabilities by severity · acme · last 60 days');
    expect(svg).toContain('Critical');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Downloaded' }).textContent()).toMatch(/\.svg$/);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
    const png = await readFile((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    // Drawn at twice the export size (1200 × 520).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2400, 1040]);
    expect(png.length).toBeGreaterThan(10_000);
    await page.close();
  });

  it('shows a project without grades, for a reporter of that project; a group the user cannot see is an error', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.reporter, `/projects/${world.projects.web}/dashboard`);
    await page.getByRole('table', { name: 'SLA breaches by severity' }).waitFor();
    await page.getByRole('table', { name: /^Mean time to remediate by severity, last 90 days/ }).waitFor();
    await chartSvgMarkup(page);
    expect(await page.getByRole('heading', { name: 'Project security status' }).count()).toBe(0);

    await page.goto(`${world.baseUrl}/groups/${world.groups.acme}/dashboard`);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/do not have access|not found/i);
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await page.getByTestId('open-chart').count()).toBe(0);
    await page.close();
  });
});
