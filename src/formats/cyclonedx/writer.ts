import { reportJson } from '../json-text.js';
import type { ReportType } from '../../core/finding.js';
import type { ScanReport } from '../../core/report.js';
import type { ReportWriter, WriteOptions } from '../types.js';
import { buildSbom } from './bom.js';
import { sbomFileName } from './file-name.js';

export { SBOM_FILE_NAME } from './file-name.js';

/** The CycloneDX 1.6 JSON text of a scan's inventory. */
export function writeSbom(report: ScanReport, options: WriteOptions): string {
  return reportJson(buildSbom(report, options), report.inventory.packages.length);
}

export const cyclonedxWriter: ReportWriter = {
  id: 'cyclonedx',
  fileName: sbomFileName,
  write: (report: ScanReport, _reportType: ReportType, options: WriteOptions) => writeSbom(report, options),
};
