import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_RUN, closeUi, docScreenshot, signIn, SKIP_REASON, startUi, type UiBrowser, type UiWorld } from './harness.js';

describe.skipIf(!CAN_RUN)(`web UI: sign-in, scope switcher, serving${SKIP_REASON}`, () => {
  let world: UiWorld;
  let browser: UiBrowser;
  beforeAll(async () => ({ world, browser } = await startUi()), 120_000);
  afterAll(() => closeUi(browser, world));

  it('sends a signed-out visitor to sign in, then back to the page asked for', async () => {
    const page = await browser.newPage();
    await page.goto(`${world.baseUrl}/projects/${world.projects.web}/vulnerabilities?severity=high`);
    await page.waitForURL(/\/sign-in\?next=/);
    await docScreenshot(page, 'sign-in');
    await page.getByLabel('Username').fill(world.maintainer.username);
    await page.getByLabel('Password').fill(world.maintainer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${world.baseUrl}/projects/${world.projects.web}/vulnerabilities?severity=high`);
    await page.getByRole('button', { name: /Scope: acme\/web/ }).waitFor();
    await page.close();
  });

  it('says why a sign-in failed and stays on the form', async () => {
    const page = await browser.newPage();
    await page.goto(`${world.baseUrl}/sign-in`);
    await page.getByLabel('Username').fill(world.maintainer.username);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/invalid|incorrect|wrong/i);
    expect(page.url()).toContain('/sign-in');
    await page.close();
  });

  it('does not follow an off-site ?next= after sign-in', async () => {
    const page = await browser.newPage();
    await page.goto(`${world.baseUrl}/sign-in?next=${encodeURIComponent('//evil.example/x')}`);
    await page.getByLabel('Username').fill(world.maintainer.username);
    await page.getByLabel('Password').fill(world.maintainer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${world.baseUrl}/vulnerabilities`);
    await page.close();
  });

  async function switcherEntries(page: Page): Promise<string[]> {
    await page.getByRole('button', { name: /^Scope:/ }).click();
    const list = page.getByRole('list', { name: 'Groups and projects' });
    await list.getByRole('link', { name: /acme\/web/ }).waitFor();
    return list.getByRole('link').allTextContents();
  }

  it('lists in the switcher only the groups and projects the user may see', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.reporter);
    const entries = await switcherEntries(page);
    expect(entries.some((e) => e.startsWith('acme/web'))).toBe(true);
    expect(entries.some((e) => e.includes('secret') || e.includes('acme/api') || e.includes('billing'))).toBe(false);
    await page.close();

    const adminPage = await browser.newPage();
    await signIn(adminPage, world, world.admin);
    const all = await switcherEntries(adminPage);
    expect(all.some((e) => e.startsWith('other/secret'))).toBe(true);
    // Filtering narrows the list; choosing a project keeps the current page.
    await adminPage.getByPlaceholder('Filter groups and projects').fill('billing');
    await adminPage.getByRole('list', { name: 'Groups and projects' }).getByRole('link', { name: /acme\/platform\/billing/ }).click();
    await adminPage.waitForURL(`${world.baseUrl}/projects/${world.projects.billing}/vulnerabilities`);
    await adminPage.close();
  });

  it('signs out and the session is gone', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`${world.baseUrl}/vulnerabilities`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.close();
  });

  it('serves the app with a content security policy, caches hashed assets, and keeps /api 404s as JSON', async () => {
    const html = await fetch(`${world.baseUrl}/groups/1/dashboard`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const body = await html.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(body)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${world.baseUrl}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${world.baseUrl}/api/v1/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('not-found');
    const traversal = await fetch(`${world.baseUrl}/assets/..%2f..%2fpackage.json`);
    expect(await traversal.text()).not.toContain('"name": "bulwark"');
  });
});
