import { formatBytes } from '../formats/text/summary.js';

export interface ProgressLine {
  update(progress: { files: number; bytes: number; findings: number }): void;
  done(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A one-line progress display on a terminal; nothing at all in CI or when output is piped. */
export function createProgressLine(stream: NodeJS.WriteStream, enabled: boolean): ProgressLine {
  if (!enabled) return { update: () => {}, done: () => {} };
  let frame = 0;
  let last = 0;
  let shown = false;
  return {
    update({ files, bytes, findings }) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      const spinner = FRAMES[frame++ % FRAMES.length] ?? '';
      stream.write(`\r\u001b[2K${spinner} ${files.toLocaleString('en')} files · ${formatBytes(bytes)} · ${findings} finding(s)`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
