import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_RUN, closeUi, docScreenshot, openBrowser, signIn, SKIP_REASON, startUiWorld, type UiBrowser, type UiWorld } from './harness.js';

describe.skipIf(!CAN_RUN)(`web UI: pipelines list and merge-request comparison${SKIP_REASON}`, () => {
  let world: UiWorld;
  let browser: UiBrowser;
  let context: BrowserContext;

  beforeAll(async () => {
    world = await startUiWorld();
    browser = await openBrowser();
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/projects/${world.projects.web}/pipelines`);
    context = page.context();
    await page.close();
  }, 120_000);
  afterAll(() => closeUi(browser, world));

  async function visit(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${world.baseUrl}${path}`);
    return page;
  }
  const section = (page: Page, reportType: RegExp): Locator => page.locator('details').filter({ has: page.locator('summary', { hasText: reportType }) });
  const rows = (table: Locator) => table.locator('tbody tr');

  it('lists the pipelines with branch, commit, default-branch flag and findings per report, and links two of them to a comparison', async () => {
    const page = await visit(`/projects/${world.projects.web}/pipelines`);
    const table = page.getByRole('table', { name: 'Pipelines of the project, newest first' });
    await table.waitFor();
    await expect(rows(table).count()).resolves.toBe(3);
    const feature = rows(table).nth(0);
    await expect(feature.textContent()).resolves.toContain(`#${world.pipelines.webFeature}`);
    await expect(feature.textContent()).resolves.toContain('feature/login');
    await expect(feature.textContent()).resolves.toContain('cccccccc');
    await expect(feature.getByText('default', { exact: true }).count()).resolves.toBe(0);
    await expect(feature.getByRole('listitem').allTextContents()).resolves.toEqual(['SAST 42']);
    const main2 = rows(table).nth(1);
    await expect(main2.getByText('default', { exact: true }).count()).resolves.toBe(1);
    await expect(main2.getByRole('listitem').allTextContents()).resolves.toEqual(['DAST 1', 'Dependency scanning 2', 'SAST 45', 'SBOM 0', 'Secret detection 2']);
    await expect(rows(table).nth(2).getByRole('listitem').filter({ hasText: 'SAST' }).textContent()).resolves.toBe('SAST 48');

    await page.getByText('Pick a base and a head pipeline to compare.').waitFor();
    await page.getByLabel(`Use pipeline #${world.pipelines.webMain1} as the base`).check();
    await page.getByLabel(`Use pipeline #${world.pipelines.webMain1} as the head`).check();
    await page.getByText('Pick two different pipelines.').waitFor();
    await page.getByLabel(`Use pipeline #${world.pipelines.webMain2} as the head`).check();
    await docScreenshot(page, 'pipelines');
    await page.getByRole('link', { name: `Compare #${world.pipelines.webMain1} → #${world.pipelines.webMain2}` }).click();
    await page.waitForURL(`${world.baseUrl}/projects/${world.projects.web}/compare?base=${world.pipelines.webMain1}&head=${world.pipelines.webMain2}`);
    await page.getByRole('heading', { name: 'Security scanning detected 3 new potential vulnerabilities and 6 fixed' }).waitFor();
    await page.close();
  });

  it('main #1 → main #2: SAST 3 new and 6 fixed, each linked to its vulnerability; unchanged types collapsed', async () => {
    const page = await visit(`/projects/${world.projects.web}/compare?base=${world.pipelines.webMain1}&head=${world.pipelines.webMain2}`);
    const sast = section(page, /^SAST/);
    await expect(sast.locator('summary').textContent()).resolves.toBe('SAST detected 3 new potential vulnerabilities and 6 fixed');
    await expect(sast.getAttribute('open')).resolves.not.toBeNull();
    const added = sast.getByRole('table', { name: 'SAST: new findings' });
    const fixed = sast.getByRole('table', { name: 'SAST: fixed findings' });
    await expect(rows(added).count()).resolves.toBe(3);
    await expect(rows(fixed).count()).resolves.toBe(6);
    // The seed's new findings are at lines 110–112 (sampleSastFindings offset 100), the fixed at 10–15.
    const addedLines = (await rows(added).locator('code').allTextContents()).map((t) => Number(t.split(':').at(-1))).sort();
    expect(addedLines).toEqual([110, 111, 112]);
    const fixedLines = (await rows(fixed).locator('code').allTextContents()).map((t) => Number(t.split(':').at(-1))).sort((a, b) => a - b);
    expect(fixedLines).toEqual([10, 11, 12, 13, 14, 15]);
    await expect(rows(fixed).nth(0).locator('.badge-sev').count()).resolves.toBe(1);

    for (const type of [/^Secret detection/, /^Dependency scanning/, /^DAST/]) {
      const other = section(page, type);
      await expect(other.locator('summary').textContent()).resolves.toMatch(/detected no new potential vulnerabilities$/);
      await expect(other.getAttribute('open')).resolves.toBeNull();
    }
    await docScreenshot(page, 'compare');

    // Collapse SAST with the keyboard, open it again, then follow a finding to its vulnerability page.
    await sast.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(added.isVisible()).resolves.toBe(false);
    await page.keyboard.press('Enter');
    await added.waitFor();
    const first = rows(added).nth(0).getByRole('link');
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/vulnerabilities\/\d+$/);
    await page.getByRole('heading', { level: 1, name: title ?? '' }).waitFor();
    await page.close();
  });

  it('main #2 → feature: SAST 2 new and 5 fixed; scans the feature pipeline did not run say so; the pickers change the comparison', async () => {
    const page = await visit(`/projects/${world.projects.web}/compare?base=${world.pipelines.webMain2}&head=${world.pipelines.webFeature}`);
    await expect(section(page, /^SAST/).locator('summary').textContent()).resolves.toBe('SAST detected 2 new potential vulnerabilities and 5 fixed');
    await expect(rows(page.getByRole('table', { name: 'SAST: new findings' })).count()).resolves.toBe(2);
    await expect(rows(page.getByRole('table', { name: 'SAST: fixed findings' })).count()).resolves.toBe(5);
    await expect(section(page, /^DAST/).locator('summary').textContent()).resolves.toBe('DAST: not run in the head pipeline');

    // Base main #1 instead: the feature branch then fixes 8 (0–7) and adds 2.
    await page.getByLabel('Base pipeline').selectOption(String(world.pipelines.webMain1));
    await page.waitForURL(new RegExp(`base=${world.pipelines.webMain1}&head=${world.pipelines.webFeature}$`));
    await page.getByRole('heading', { name: 'Security scanning detected 2 new potential vulnerabilities and 8 fixed' }).waitFor();
    await expect(rows(page.getByRole('table', { name: 'SAST: fixed findings' })).count()).resolves.toBe(8);
    await page.close();
  });

  it('a base without a scan type counts every head finding of that type as new; dismissed ones are listed on request', async () => {
    const page = await visit(`/projects/${world.projects.web}/compare?base=${world.pipelines.webFeature}&head=${world.pipelines.webMain2}`);
    const dast = section(page, /^DAST/);
    await expect(dast.locator('summary').textContent()).resolves.toBe('DAST detected 1 new potential vulnerability');
    await dast.getByText('The base pipeline has no DAST report, so every DAST finding of the head pipeline counts as new.').waitFor();
    // Of the two secrets, the seed dismissed one: hidden from the list and the count until asked for.
    const secrets = section(page, /^Secret detection/);
    await expect(secrets.locator('summary').textContent()).resolves.toBe('Secret detection detected 1 new potential vulnerability');
    await secrets.getByText('1 new finding is already dismissed and not counted.').waitFor();
    await expect(rows(secrets.getByRole('table', { name: 'Secret detection: new findings' })).count()).resolves.toBe(1);
    await page.getByLabel('List new findings that are already dismissed').click(); // the box follows the URL, so it turns on after the navigation, not during the click
    await page.waitForURL(/include_dismissed=true/);
    await expect.poll(() => rows(secrets.getByRole('table', { name: 'Secret detection: new findings' })).count()).toBe(2);
    await expect(secrets.getByRole('table', { name: 'Secret detection: new findings' }).getByText('Dismissed', { exact: true }).count()).resolves.toBe(1);
    await page.close();
  });

  it('without a base compares with the latest default-branch pipeline, reached from the pipelines list', async () => {
    const page = await visit(`/projects/${world.projects.web}/pipelines`);
    await page.getByRole('link', { name: `Compare pipeline #${world.pipelines.webFeature} with the default branch` }).click();
    await page.waitForURL(`${world.baseUrl}/projects/${world.projects.web}/compare?head=${world.pipelines.webFeature}`);
    await page.getByText('The base is the latest default-branch pipeline before the head.').waitFor();
    await expect(section(page, /^SAST/).locator('summary').textContent()).resolves.toBe('SAST detected 2 new potential vulnerabilities and 5 fixed');
    await expect(page.getByText(`Base #${world.pipelines.webMain2} · main @ bbbbbbbb (default)`).count()).resolves.toBe(1);
    await page.close();
  });

  it('pages through pipelines 20 at a time, the page kept in the URL', async () => {
    // 21 more pipelines on billing (which has 1): 22 in all, so a second page of 2.
    const created: number[] = [];
    for (let i = 0; i < 21; i++) {
      const response = await world.server.call('POST', `/api/v1/projects/${world.projects.billing}/pipelines`, world.admin.token, {
        ref: `topic-${i}`,
        sha: i.toString(16).padStart(40, '0'),
      });
      expect(response.statusCode).toBe(201);
      created.push((JSON.parse(response.body) as { id: number }).id);
    }
    const page = await visit(`/projects/${world.projects.billing}/pipelines`);
    const table = page.getByRole('table', { name: 'Pipelines of the project, newest first' });
    await table.waitFor();
    await expect(rows(table).count()).resolves.toBe(20);
    await expect(rows(table).nth(0).textContent()).resolves.toContain(`#${created.at(-1)}`);
    await page.getByRole('button', { name: 'Older' }).click();
    await page.waitForURL(/before=\d+/);
    await expect.poll(() => rows(table).count()).toBe(2);
    await expect(rows(table).nth(1).textContent()).resolves.toContain('main');
    await expect(page.getByRole('button', { name: 'Older' }).isDisabled()).resolves.toBe(true);
    await page.reload();
    await expect.poll(() => rows(table).count()).toBe(2);
    await page.getByRole('button', { name: 'Newest' }).click();
    await expect.poll(() => rows(table).count()).toBe(20);
    await page.close();
  });

  it('a reporter of the project sees the comparison; another project is out of reach', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.reporter, `/projects/${world.projects.web}/compare?base=${world.pipelines.webMain1}&head=${world.pipelines.webMain2}`);
    await expect(section(page, /^SAST/).locator('summary').textContent()).resolves.toBe('SAST detected 3 new potential vulnerabilities and 6 fixed');
    await page.goto(`${world.baseUrl}/projects/${world.projects.api}/compare?head=1`);
    // Two queries fail (the pipelines for the pickers, the comparison), each with its own alert, in
    // either order: poll the first one.
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Not found/);
    await page.close();
  });
});
