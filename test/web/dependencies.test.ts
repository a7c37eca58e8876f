import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_RUN, closeUi, docScreenshot, signIn, SKIP_REASON, startUi, type UiBrowser, type UiWorld } from './harness.js';

/** Component names in the dependency table, in order, once the count line says `expected` packages. */
async function componentNames(page: Page, expected: number): Promise<string[]> {
  await page.getByText(new RegExp(`^${expected} packages?( match the filters)?$`)).waitFor();
  return page.locator('table tbody tr:not(.expanded-row) .dep-name').allTextContents();
}

describe.skipIf(!CAN_RUN)(`web UI: dependency list and license compliance${SKIP_REASON}`, () => {
  let world: UiWorld;
  let browser: UiBrowser;
  beforeAll(async () => ({ world, browser } = await startUi()), 120_000);
  afterAll(() => closeUi(browser, world));

  it('lists the packages of the seeded SBOM with ecosystem, location, licenses and direct/transitive', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/projects/${world.projects.web}/dependencies`);
    const names = await componentNames(page, 7);
    expect(names).toEqual([
      '@babel/helper-string-parser',
      'express-template-kit',
      'junit:junit',
      'lodash',
      'minimatch',
      'org.apache.logging.log4j:log4j-api',
      'org.apache.logging.log4j:log4j-core',
    ]);
    const junit = page.getByRole('row', { name: /junit:junit/ });
    expect(await junit.textContent()).toMatch(/Maven.*pom\.xml.*EPL-1\.0.*None.*Direct/);
    const babel = page.getByRole('row', { name: /helper-string-parser/ });
    expect(await babel.textContent()).toContain('via express-template-kit@2.1.0 › lodash@4.17.20');
    expect(await babel.textContent()).toContain('Transitive');
    await page.close();
  });

  it('filters by name through the URL, and the filter survives a reload', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/projects/${world.projects.web}/dependencies`);
    await componentNames(page, 7);
    await page.getByLabel('Component name').fill('log4j');
    await page.waitForURL(/[?&]name=log4j/);
    expect(await componentNames(page, 2)).toEqual(['org.apache.logging.log4j:log4j-api', 'org.apache.logging.log4j:log4j-core']);
    await page.reload();
    expect(await page.getByLabel('Component name').inputValue()).toBe('log4j');
    expect(await componentNames(page, 2)).toHaveLength(2);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await componentNames(page, 7)).toHaveLength(7);
    expect(await page.getByLabel('Component name').inputValue()).toBe('');

    await page.getByLabel('Vulnerabilities').selectOption('yes');
    await page.waitForURL(/vulnerable=yes/);
    expect(await componentNames(page, 2)).toEqual(['lodash', 'minimatch']);
    await page.getByLabel('License', { exact: true }).selectOption('Apache-2.0');
    await page.waitForURL(/license=Apache-2\.0/);
    await page.getByText('0 packages match the filters').waitFor();
    await page.getByText('No package matches these filters.').waitFor();
    await page.close();
  });

  it('filters by ecosystem', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/projects/${world.projects.web}/dependencies?ecosystem=Maven`);
    expect(await componentNames(page, 3)).toEqual(['junit:junit', 'org.apache.logging.log4j:log4j-api', 'org.apache.logging.log4j:log4j-core']);
    await page.close();
  });

  it('shows a vulnerable package with its worst severity and links its vulnerabilities', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/projects/${world.projects.web}/dependencies`);
    await componentNames(page, 7);
    const lodash = page.getByRole('row', { name: /^lodash/ });
    expect(await lodash.locator('.badge-sev').textContent()).toBe('High');
    const toggle = page.getByRole('button', { name: 'Show 1 vulnerability of lodash' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const link = page.getByRole('link', { name: 'Prototype Pollution in lodash' });
    await link.waitFor();
    expect(await page.getByRole('button', { name: 'Hide 1 vulnerability of lodash' }).getAttribute('aria-expanded')).toBe('true');
    await docScreenshot(page, 'dependencies');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/vulnerabilities\/\d+$/);
    // The link leads to that very vulnerability.
    const id = Number(href!.split('/').pop());
    const vulnerability = await world.server.call('GET', `/api/v1/vulnerabilities/${id}`, world.admin.token);
    expect((JSON.parse(vulnerability.body) as { title: string }).title).toBe('Prototype Pollution in lodash');
    // Packages without open vulnerabilities have nothing to expand.
    expect(await page.getByRole('row', { name: /junit:junit/ }).getByRole('button').count()).toBe(0);
    await page.close();
  });

  it('exports the project as a CycloneDX JSON download', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.reporter, `/projects/${world.projects.web}/dependencies`);
    await componentNames(page, 7);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CycloneDX' }).click()]);
    expect(download.suggestedFilename()).toBe('web.cdx.json');
    const bom = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { bomFormat: string; specVersion: string; components: { name: string }[] };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components.map((c) => c.name)).toEqual(expect.arrayContaining(['lodash', 'minimatch']));
    await page.close();
  });

  it('lists a group’s packages with their project, and no CycloneDX export', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/groups/${world.groups.acme}/dependencies?name=express`);
    const names = await componentNames(page, 2);
    expect(names).toEqual(['express', 'express-template-kit']);
    expect(await page.getByRole('row', { name: /^express 4/ }).getByRole('link', { name: 'acme/api' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export as CycloneDX' }).count()).toBe(0);
    await page.close();
  });

  it('shows the licenses in use; a maintainer denies one and it is highlighted in both lists', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/projects/${world.projects.web}/licenses`);
    await page.getByText('3 licenses in use, 0 denied').waitFor();
    const epl = page.getByRole('row', { name: /EPL-1\.0/ });
    expect(await epl.textContent()).toContain('Allowed');
    expect(await page.getByRole('row', { name: /Apache-2\.0/ }).textContent()).toMatch(/Allowed\s*2$/);

    // A malformed id: the server's validation message is shown and nothing changes.
    await page.getByLabel('SPDX license id').fill('GPL/3');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Save policy' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The policy was not saved' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/pattern|denied/);
    await page.getByRole('button', { name: 'Remove GPL/3' }).click();

    await page.getByLabel('SPDX license id').fill('EPL-1.0');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('License policy saved.').waitFor();
    await page.getByText('3 licenses in use, 1 denied').waitFor();
    expect(await epl.textContent()).toContain('Denied');
    expect(await page.getByRole('status').filter({ hasText: 'Denied licenses in use' }).textContent()).toContain('EPL-1.0');
    await docScreenshot(page, 'licenses');
    // The policy is stored, and the dependency list flags the package.
    const policy = await world.server.call('GET', `/api/v1/projects/${world.projects.web}/license-policy`, world.admin.token);
    expect(JSON.parse(policy.body)).toEqual({ denied: ['EPL-1.0'] });
    await page.getByRole('link', { name: '1 packages under EPL-1.0' }).click();
    await page.waitForURL(/\/dependencies\?license=EPL-1\.0/);
    expect(await componentNames(page, 1)).toEqual(['junit:junit']);
    expect(await page.getByRole('row', { name: /junit:junit/ }).locator('.badge-denied').textContent()).toContain('EPL-1.0 · denied');
    await page.close();
  });

  it('refuses a reporter’s policy change with the server’s message', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.reporter, `/projects/${world.projects.web}/licenses`);
    await page.getByLabel('SPDX license id').fill('MIT');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Save policy' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The policy was not saved' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('You do not have access');
    await page.close();
  });

  it('shows a group’s licenses with project counts', async () => {
    const page = await browser.newPage();
    await signIn(page, world, world.maintainer, `/groups/${world.groups.acme}/licenses`);
    await page.getByRole('columnheader', { name: 'Projects' }).waitFor();
    const mit = page.getByRole('row', { name: /^MIT/ });
    await mit.waitFor();
    expect(await mit.textContent()).toMatch(/Allowed\s*2\s*1$/);
    expect(await page.getByRole('row', { name: /Unknown \(no license declared\)/ }).count()).toBe(1);
    await page.close();
  });
});
