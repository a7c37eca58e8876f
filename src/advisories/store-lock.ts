import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError } from '../util/describe.js';
import { ImportError } from './budget.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One import at a time per store: a lock file beside it names the importing process. */
export async function takeLock(lockPath: string, dbDir: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new ImportError(`cannot lock ${dbDir}: ${describeError(error)}`);
    }
    const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
      throw new ImportError(`another import into ${dbDir} is running (process ${holder}); wait for it to finish`);
    }
    // The process that held the lock is gone: the lock is stale.
    await rm(lockPath, { force: true });
  }
  throw new ImportError(`cannot lock ${dbDir}: ${lockPath} keeps reappearing`);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Temp folders of imports that were killed before they could clean up (the lock is ours, so no
 * import is using them), and downloads of `db update` runs that died more than a day ago (an
 * update downloads before it takes the lock, so a recent one may still be in use).
 */
export async function removeLeftovers(parent: string, base: string): Promise<void> {
  const names = await readdir(parent).catch((): string[] => []);
  const isOurs = (name: string): boolean => name.startsWith(`.${base}.import-`) || name.startsWith(`.${base}.old-`);
  const isOldDownload = async (name: string): Promise<boolean> =>
    name.startsWith(`.${base}.download-`) && (await stat(join(parent, name)).then((s) => Date.now() - s.mtimeMs > DAY_MS, () => false));
  for (const name of names) {
    if (isOurs(name) || (await isOldDownload(name))) await rm(join(parent, name), { recursive: true, force: true });
  }
}
