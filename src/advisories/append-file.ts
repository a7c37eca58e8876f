import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';

const FLUSH_BYTES = 4 * 1024 * 1024;

/** Appends to a file through a buffer and reads back what it wrote. */
export class AppendFile {
  private readonly fd: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w+');
  }
  append(text: string): { offset: number; length: number } {
    const bytes = Buffer.from(text, 'utf8');
    const offset = this.size;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.size += bytes.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return { offset, length: bytes.length };
  }
  read(offset: number, length: number): Buffer {
    this.flush();
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, buffer, done, length - done, offset + done);
      if (n === 0) throw new Error('staging file is shorter than what was written to it');
      done += n;
    }
    return buffer;
  }
  flush(): void {
    if (this.pendingBytes === 0) return;
    const data = Buffer.concat(this.pending, this.pendingBytes);
    let done = 0;
    while (done < data.length) done += writeSync(this.fd, data, done, data.length - done, this.size - this.pendingBytes + done);
    this.pending = [];
    this.pendingBytes = 0;
  }
  close(sync: boolean): void {
    this.flush();
    if (sync) fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

/** Write a whole file and flush it to disk. */
export function writeBytes(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'w');
  try {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
