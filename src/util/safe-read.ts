import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A reader of files under one root that never leaves it: a path that resolves (through `..` or a
 * symbolic link) outside the root, a non-regular file, or one larger than `maxBytes` reads as
 * undefined. Reads are bounded by `maxBytes` even if the file grows while it is read.
 */
export function createRootReader(root: string, maxBytes: number): (relativePath: string) => string | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return () => undefined;
  }
  const inside = (path: string): boolean => {
    const rel = relative(realRoot, path);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  };
  return (relativePath) => {
    let real: string;
    try {
      real = realpathSync(resolve(realRoot, relativePath));
    } catch {
      return undefined;
    }
    if (!inside(real)) return undefined;
    // Check before opening: opening a FIFO for reading would wait for a writer.
    try {
      if (!statSync(real).isFile()) return undefined;
    } catch {
      return undefined;
    }
    let fd: number | undefined;
    try {
      fd = openSync(real, 'r');
      const stats = fstatSync(fd);
      if (!stats.isFile() || stats.size > maxBytes) return undefined;
      const buffer = Buffer.allocUnsafe(stats.size);
      let read = 0;
      while (read < stats.size) {
        const n = readSync(fd, buffer, read, stats.size - read, read);
        if (n === 0) break;
        read += n;
      }
      return buffer.toString('utf8', 0, read);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}
