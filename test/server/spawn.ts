import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { MIGRATIONS_DIR } from '../../src/server/db/migrate.js';

let bundled: Promise<string> | undefined;

/**
 * Bundle test/server/serve-process.ts the way the CLI is bundled (PGlite and pg stay external,
 * migrations copied beside the bundle), once per test process.
 */
export function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    // Inside node_modules/.cache so the bundle's external imports resolve from the repo's node_modules.
    const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
    await mkdir(cacheDir, { recursive: true });
    const dir = await mkdtemp(join(cacheDir, 'bulwark-serve-'));
    const outfile = join(dir, 'serve-process.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./serve-process.ts', import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      external: ['@electric-sql/pglite', 'pg', 'pg-native'],
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    await cp(MIGRATIONS_DIR, join(dir, 'migrations'), { recursive: true });
    return outfile;
  })();
  return bundled;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: () => string;
}

/** Start the bundled server with this environment; resolves once it prints its URL. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const bundle = await serverBundle();
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, BULWARK_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time: ${err}`)), 240_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line !== undefined) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code)}) before listening: ${err}`));
    });
  });
  return { child, url, stderr: () => err };
}

export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
