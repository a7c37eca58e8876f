import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_RUN, closeUi, docScreenshot, signIn, SKIP_REASON, startUi, type UiBrowser, type UiWorld } from './harness.js';

/** Project paths of the inventory matrix, in order. */
async function inventoryProjects(page: Page, expected: number): Promise<string[]> {
  const rows = page.locator('table.matrix tbody tr');
  // Polled from the test side: a string predicate would need eval in the page, which the UI's CSP forbids.
  await expect.poll(() => rows.count()).toBe(expected);
  return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-project') ?? ''));
}

describe.skipIf(!CAN_RUN)(`web UI: security configuration and inventory${SKIP_REASON}`, () => {
  let world: UiWorld;
  let browser: UiBrowser;
  beforeAll(async () => ({ world, browser } = await startUi()), 120_000);
  afterAll(() => closeUi(browser, world));

  it('shows which scanners ran on acme/web, when, and how to enable the others', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.reporter, `/projects/${world.projects.web}/security-configuration`);
    const sast = page.locator('tr[data-report-type="sast"]');
    await sast.waitFor();
    expect(await sast.textContent()).toMatch(/SAST.*✓ Enabled.*pipeline #\d+.*semgrep 1\.0\.0/);
    expect(await sast.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    const container = page.locator('tr[data-report-type="container_scanning"]');
    expect(await container.textContent()).toMatch(/Container scanning.*Not enabled.*Never/);
    // Report types that ran get no hint; the others say how to run and upload them.
    expect(await page.locator('[data-enable-hint="sast"]').count()).toBe(0);
    expect(await page.locator('[data-enable-hint="container_scanning"] code').textContent()).toBe('bulwark scan --image image.tar --out reports');
    // The command names the project by its path, which comes from a query of its own (the project
    // id stands in until it answers): poll.
    await expect
      .poll(() => page.getByRole('heading', { name: 'Then upload' }).locator('xpath=..').textContent())
      .toContain(`bulwark upload reports --server ${world.baseUrl} --project acme/web --ref main`);
    expect(await page.getByText(/report types enabled/).textContent()).toMatch(/5 of 9/);
    await docScreenshot(page, 'security-configuration');
    await page.close();
  });

  it('lets an administrator require report types, then lists the projects missing one', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.admin, '/inventory');
    expect(await inventoryProjects(page, 4)).toEqual(['acme/api', 'acme/platform/billing', 'acme/web', 'other/secret']);
    // Nothing is required yet: every project is compliant.
    expect(await page.locator('.totals').textContent()).toMatch(/Projects4.*every required scanner4.*Missing a required scanner0/);

    await page.getByRole('checkbox', { name: 'Container scanning' }).check();
    await page.getByRole('button', { name: 'Save required report types' }).click();
    await page.getByText('Required report types saved.').waitFor();
    const web = page.locator('tr[data-project="acme/web"]');
    await web.locator('.cell-missing', { hasText: 'Missing' }).first().waitFor();
    expect(await web.locator('td').last().textContent()).toBe('Container scanning');
    expect(await page.locator('tr[data-project="acme/api"] td').last().textContent()).toBe('None');
    expect(await page.locator('.totals').textContent()).toMatch(/Projects4.*every required scanner1.*Missing a required scanner3/);

    await page.getByRole('checkbox', { name: 'Only projects missing a required scanner' }).click(); // URL-driven: the state follows the navigation
    await page.waitForURL(/[?&]missing=1/);
    expect(await inventoryProjects(page, 3)).toEqual(['acme/platform/billing', 'acme/web', 'other/secret']);
    await docScreenshot(page, 'inventory');
    // The setting is stored on the server, and the project's configuration marks it required.
    const stored = await world.server.call('GET', '/api/v1/settings/security-coverage', world.maintainer.token);
    expect((JSON.parse(stored.body) as { requiredReportTypes: string[] }).requiredReportTypes).toEqual(['container_scanning']);
    await page.getByRole('link', { name: 'acme/web' }).click();
    await page.getByText('Required by the instance coverage settings but not enabled: Container scanning.').waitFor();
    await page.close();
  });

  it('shows a reporter only acme/web, and the required types without controls', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.reporter, '/inventory');
    expect(await inventoryProjects(page, 1)).toEqual(['acme/web']);
    expect(await page.locator('.totals').textContent()).toMatch(/Projects1/);
    await page.getByRole('heading', { name: 'Required report types' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save required report types' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'SAST' }).count()).toBe(0);
    await page.close();
  });

  it('limits a group inventory to the group and its subgroups', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/groups/${world.groups.acme}/inventory`);
    expect(await inventoryProjects(page, 3)).toEqual(['acme/api', 'acme/platform/billing', 'acme/web']);
    await page.close();
  });
});
