import type { ReportType } from '../../core/finding.js';

/**
 * The name the output contract gives the SBOM. GitLab's own templates collect
 * `gl-sbom-*.cdx.json` in any folder, which this name does not match: a job lists it under
 * `artifacts:reports:cyclonedx` itself.
 */
export const SBOM_FILE_NAME = 'gl-sbom.cdx.json';

/**
 * The SBOM goes out with dependency and container scanning; other report types have nothing for
 * it. Apart from the writer, so that a scan can tell whether it needs the CycloneDX library at all.
 */
export function sbomFileName(reportType: ReportType): string | null {
  return reportType === 'dependency_scanning' || reportType === 'container_scanning' ? SBOM_FILE_NAME : null;
}
