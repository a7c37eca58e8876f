import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReportType } from '../core/finding.js';
import type { ScanReport } from '../core/report.js';
import type { ReportWriter, WriteOptions } from '../formats/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { UsageError } from './errors.js';

/**
 * Writes one file per writer and report type that ran (`scan` and `dast` alike), each atomically;
 * returns the paths written. An output folder or file that cannot be written is a usage error.
 */
export async function writeReports(report: ScanReport, writers: readonly ReportWriter[], outDir: string, options: WriteOptions): Promise<string[]> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create output folder ${outDir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const reportTypes = [...new Set(report.runs.map((run) => run.reportType))] as ReportType[];
  const files = new Map<string, string>();
  for (const writer of writers) {
    for (const reportType of reportTypes) {
      const name = writer.fileName(reportType);
      if (name !== null && !files.has(name)) files.set(name, writer.write(report, reportType, options));
    }
  }
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(outDir, name);
    try {
      await writeFileAtomic(path, content);
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    written.push(path);
  }
  return written;
}
