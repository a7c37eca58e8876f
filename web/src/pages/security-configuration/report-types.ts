/**
 * Report types as the security configuration and inventory show them: a label, what produces
 * the report, and the commands that make a pipeline carry it.
 */
import type { Static } from '@sinclair/typebox';
import type { InventorySchema, SecurityConfigurationSchema, SecurityCoverageSchema } from '../../../../src/server/schemas/inventory.js';
import { reportTypeLabel } from '../../api/types.js';

export type SecurityConfiguration = Static<typeof SecurityConfigurationSchema>;
export type ReportTypeConfiguration = SecurityConfiguration['reportTypes'][number];
export type KnownReportType = ReportTypeConfiguration['reportType'];
export type SecurityCoverage = Static<typeof SecurityCoverageSchema>;
export type Inventory = Static<typeof InventorySchema>;
export type InventoryProject = Inventory['items'][number];

export function typeLabel(type: string): string {
  return type === 'sbom' ? 'SBOM' : reportTypeLabel(type);
}

export interface EnableHint {
  /** What the report is for, in one line. */
  readonly purpose: string;
  /** The Bulwark command that writes the report into ./reports, or null when Bulwark has no scanner for it. */
  readonly command: string | null;
  /** What to do when there is no Bulwark command. */
  readonly otherwise?: string;
}

export const ENABLE_HINTS: Record<KnownReportType, EnableHint> = {
  sast: { purpose: 'Finds injection, weak crypto and other flaws in the source code (IaC included).', command: 'bulwark scan --scanners sast,iac --out reports .' },
  secret_detection: { purpose: 'Finds committed keys, tokens and passwords.', command: 'bulwark scan --scanners secrets --out reports .' },
  dependency_scanning: {
    purpose: 'Matches the packages of lockfiles against the OSV advisories.',
    command: 'bulwark db update && bulwark scan --scanners dependencies,licenses --out reports .',
  },
  sbom: { purpose: 'The CycloneDX SBOM behind the dependency list and license compliance.', command: 'bulwark scan --scanners dependencies,licenses --format cyclonedx --out reports .' },
  container_scanning: { purpose: 'Finds vulnerable OS and language packages in a container image.', command: 'bulwark scan --image image.tar --out reports' },
  dast: { purpose: 'Tests the running application from the outside: crawl, passive and active checks.', command: 'bulwark dast https://staging.example.com --out reports' },
  api_fuzzing: { purpose: 'Fuzzes every parameter of an API described by OpenAPI, Postman or HAR.', command: 'bulwark dast https://api.example.com --openapi openapi.yaml --fuzz --out reports' },
  coverage_fuzzing: {
    purpose: 'Coverage-guided fuzzing of the code.',
    command: null,
    otherwise: 'Bulwark has no coverage fuzzer: run one that writes gl-coverage-fuzzing-report.json into reports/.',
  },
  cluster_image_scanning: {
    purpose: 'Scans the images running in a Kubernetes cluster.',
    command: null,
    otherwise: 'Bulwark has no cluster scanner: export each running image and scan it with bulwark scan --image, or upload a gl-cluster-image-scanning-report.json.',
  },
};

/** The upload that records the reports as a default-branch pipeline of the project. */
export function uploadCommand(projectPath: string, branch: string): string {
  const origin = typeof window === 'undefined' ? 'https://bulwark.example.com' : window.location.origin;
  return `bulwark upload reports --server ${origin} --project ${projectPath} --ref ${branch} --sha "$(git rev-parse HEAD)"`;
}

