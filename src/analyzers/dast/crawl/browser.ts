import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../core/result.js';
import type { HttpClient } from '../http/client.js';
import type { CookieJar } from '../http/cookies.js';
import type { Scope } from '../http/scope.js';

export interface BrowserSession {
  /** The page's DOM after its scripts ran, as HTML; undefined when it would not load. */
  render(url: string): Promise<string | undefined>;
  close(): Promise<void>;
}

// Debian's Chromium, quiet and without a sandbox (containers have no user namespaces).
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// Headers the scan's client sets itself; the browser's versions would fight them.
const DROPPED = new Set(['host', 'connection', 'content-length', 'accept-encoding', 'cookie']);
const RENDER_TIMEOUT_MS = 15_000;
const SETTLE_MS = 200;

/**
 * A headless Chromium whose every request goes through the scan's own client: the browser cannot
 * reach anything out of scope, and its traffic is rate-limited and passively checked like the rest.
 */
export async function openBrowser(executablePath: string, scope: Scope, client: HttpClient, jar: CookieJar): Promise<Result<BrowserSession, string>> {
  if (!existsSync(executablePath)) return err(`--browser needs Chromium at ${executablePath} (Debian: apt-get install -y chromium)`);
  const { chromium } = await import('playwright-core');
  const userDataDir = await mkdtemp(join(tmpdir(), 'bulwark-chromium-'));
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
  try {
    context = await chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: FLAGS });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    return err(`could not start Chromium at ${executablePath}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (!scope.allows(url)) {
      await route.abort('blockedbyclient');
      return;
    }
    const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => !DROPPED.has(name.toLowerCase())));
    const body = request.postData();
    const sent = await client.send({ method: request.method(), url, headers, ...(body === null ? {} : { body }) });
    if (!sent.ok) {
      await route.abort('failed');
      return;
    }
    const response = sent.value.response;
    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of response.headers) responseHeaders[name] = responseHeaders[name] === undefined ? value : `${responseHeaders[name]}\n${value}`;
    await route.fulfill({ status: response.status, headers: responseHeaders, body: response.body });
  });
  return ok({
    async render(url: string): Promise<string | undefined> {
      const page = await context.newPage();
      try {
        const origin = new URL(url).origin;
        const cookies = jar.entries().map(([name, value]) => ({ name, value, url: origin }));
        if (cookies.length > 0) await context.addCookies(cookies);
        await page.goto(url, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
        await page.waitForTimeout(SETTLE_MS);
        return await page.content();
      } catch {
        // A page that will not render still has its plain HTML, which the crawler already read.
        return undefined;
      } finally {
        await page.close();
      }
    },
    async close(): Promise<void> {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  });
}
