import { reportJson } from '../json-text.js';
import type { ReportType } from '../../core/finding.js';
import type { ScanReport } from '../../core/report.js';
import type { ReportWriter, WriteOptions } from '../types.js';
import { buildSbom } from './bom.js';

/**
 * The name the output contract gives the SBOM. GitLab's own templates collect
 * `gl-sbom-*.cdx.json` in any folder, which this name does not match: a job lists it under
 * `artifacts:reports:cyclonedx` itself.
 */
export const SBOM_FILE_NAME = 'gl-sbom.cdx.json';

/** The CycloneDX 1.6 JSON text of a scan's inventory. */
export function writeSbom(report: ScanReport, options: WriteOptions): string {
  return reportJson(buildSbom(report, options), report.inventory.packages.length);
}

/** The SBOM goes out with dependency and container scanning; other report types have nothing for it. */
export const cyclonedxWriter: ReportWriter = {
  id: 'cyclonedx',
  fileName: (reportType: ReportType) => (reportType === 'dependency_scanning' || reportType === 'container_scanning' ? SBOM_FILE_NAME : null),
  write: (report: ScanReport, _reportType: ReportType, options: WriteOptions) => writeSbom(report, options),
};
