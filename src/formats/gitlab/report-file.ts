import type { ReportType } from '../../core/finding.js';

/** Report file names of the output contract (architecture §3) and their GitLab schema files. */
export const GITLAB_REPORT_FILES: Readonly<Record<ReportType, { fileName: string; schema: string }>> = {
  sast: { fileName: 'gl-sast-report.json', schema: 'sast-report-format.json' },
  secret_detection: { fileName: 'gl-secret-detection-report.json', schema: 'secret-detection-report-format.json' },
  dependency_scanning: { fileName: 'gl-dependency-scanning-report.json', schema: 'dependency-scanning-report-format.json' },
  container_scanning: { fileName: 'gl-container-scanning-report.json', schema: 'container-scanning-report-format.json' },
  dast: { fileName: 'gl-dast-report.json', schema: 'dast-report-format.json' },
  api_fuzzing: { fileName: 'gl-api-fuzzing-report.json', schema: 'dast-report-format.json' },
};

export const GITLAB_SCHEMA_VERSION = '15.0.7';

export function gitlabSchemaUrl(reportType: ReportType): string {
  const { schema } = GITLAB_REPORT_FILES[reportType];
  return `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/${schema}`;
}
