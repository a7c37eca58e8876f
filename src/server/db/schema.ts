import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Typed view of migrations/001_init.sql for Kysely. bigint columns arrive as JS numbers. */

/** A timestamptz: read as Date, written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz with a database default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as parsed JSON; written as a JSON string (pg and PGlite both accept text for jsonb). */
type Json<T> = ColumnType<T, string, string>;
type DefaultJson<T> = ColumnType<T, string | undefined, string>;
/** A generated or read-only column. */
type ReadOnly<T> = ColumnType<T, never, never>;

export type AccessLevel = 10 | 20 | 30 | 40 | 50;
export type VulnerabilityState = 'detected' | 'confirmed' | 'dismissed' | 'resolved';
export type DismissalReason = 'acceptable_risk' | 'false_positive' | 'mitigating_control' | 'used_in_tests' | 'not_applicable';
export type PipelineStatus = 'created' | 'running' | 'success' | 'failed' | 'canceled' | 'skipped';
export type ReportFormat = 'gitlab' | 'sarif' | 'cyclonedx';
export type SeverityText = 'critical' | 'high' | 'medium' | 'low' | 'info' | 'unknown';
export type StoredReportType =
  | 'sast'
  | 'secret_detection'
  | 'dependency_scanning'
  | 'container_scanning'
  | 'dast'
  | 'api_fuzzing'
  | 'coverage_fuzzing'
  | 'cluster_image_scanning'
  | 'sbom';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  email: string | null;
  password_hash: string;
  is_admin: Generated<boolean>;
  is_blocked: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  last_seen_at: DefaultTimestamp;
}

export interface PersonalAccessTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  scopes: string[];
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  last_audited_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface GroupsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  path: string;
  full_path: string;
  created_at: DefaultTimestamp;
}

export interface ProjectsTable {
  id: Generated<number>;
  group_id: number;
  name: string;
  path: string;
  full_path: string;
  default_branch: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface GroupMembersTable {
  group_id: number;
  user_id: number;
  access_level: AccessLevel;
  created_at: DefaultTimestamp;
}

export interface ProjectMembersTable {
  project_id: number;
  user_id: number;
  access_level: AccessLevel;
  created_at: DefaultTimestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  created_at: DefaultTimestamp;
  action: string;
  actor_user_id: number | null;
  actor_token_id: number | null;
  actor_name: string | null;
  target_type: string | null;
  target_id: string | null;
  project_id: number | null;
  group_id: number | null;
  ip: string | null;
  details: DefaultJson<Record<string, unknown>>;
}

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: DefaultTimestamp;
}

export interface PipelinesTable {
  id: Generated<number>;
  project_id: number;
  ref: string;
  sha: string;
  source: string;
  status: PipelineStatus;
  is_default_branch: boolean;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface ReportUploadsTable {
  id: Generated<number>;
  pipeline_id: number;
  project_id: number;
  file_name: string;
  format: ReportFormat;
  byte_size: number;
  sha256: string;
  created_by: number | null;
  created_at: DefaultTimestamp;
}

export interface StoredMessage {
  code: string;
  message: string;
  level?: 'info' | 'warn' | 'error';
}

export interface ScansTable {
  id: Generated<number>;
  upload_id: number;
  pipeline_id: number;
  project_id: number;
  report_type: StoredReportType;
  format: ReportFormat;
  schema_version: string;
  scanner_id: string;
  scanner_name: string;
  scanner_version: string | null;
  scanner_vendor: string | null;
  analyzer_id: string | null;
  analyzer_name: string | null;
  analyzer_version: string | null;
  status: 'success' | 'failure';
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  finding_count: Generated<number>;
  duplicate_count: Generated<number>;
  messages: DefaultJson<StoredMessage[]>;
  created_at: DefaultTimestamp;
}

export interface StoredSignature {
  algorithm: string;
  value: string;
}

export interface FindingsTable {
  id: Generated<number>;
  scan_id: number;
  pipeline_id: number;
  project_id: number;
  uuid: string;
  report_type: StoredReportType;
  severity: SeverityText;
  title: string;
  primary_identifier_fingerprint: string;
  location_fingerprint: string;
  signatures: DefaultJson<StoredSignature[]>;
  /** The core Finding (src/core/finding.ts) as JSON. */
  data: Json<unknown>;
}

export interface StoredIdentifier {
  type: string;
  name: string;
  value: string;
  url?: string;
}

/** vulnerabilities.details: what the vulnerability page shows beyond the columns. */
export interface VulnerabilityDetails {
  links?: { name?: string; url: string }[];
  evidence?: unknown;
  cvssVectors?: { vendor: string; vector: string }[];
  signatures?: StoredSignature[];
  fixedVersion?: string;
  confidence?: string;
  /** The vulnerability object as the report had it (details, remediations, flags…). */
  raw?: Record<string, unknown>;
}

export interface VulnerabilitiesTable {
  id: Generated<number>;
  project_id: number;
  uuid: string;
  report_type: StoredReportType;
  severity: SeverityText;
  /** info 1, unknown 2, low 4, medium 5, high 6, critical 7. */
  severity_level: ReadOnly<number>;
  state: ColumnType<VulnerabilityState, VulnerabilityState | undefined, VulnerabilityState>;
  dismissal_reason: DismissalReason | null;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  solution: string | null;
  scanner_id: string;
  scanner_name: string;
  primary_identifier_type: string;
  primary_identifier_name: string;
  primary_identifier_value: string;
  identifier_keys: ColumnType<string[], string[] | undefined, string[]>;
  identifiers: Json<StoredIdentifier[]>;
  location: Json<unknown>;
  location_text: ColumnType<string, string | undefined, string>;
  location_fingerprint: string;
  package_name: string | null;
  package_version: string | null;
  details: DefaultJson<VulnerabilityDetails>;
  is_no_longer_detected: Generated<boolean>;
  issue_url: string | null;
  issue_linked_by: number | null;
  issue_linked_at: Timestamp | null;
  first_pipeline_id: number | null;
  detected_at: DefaultTimestamp;
  confirmed_at: Timestamp | null;
  confirmed_by: number | null;
  dismissed_at: Timestamp | null;
  dismissed_by: number | null;
  resolved_at: Timestamp | null;
  resolved_by: number | null;
  state_changed_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type HistoryAction = 'detected' | 'state_changed' | 'no_longer_detected' | 'detected_again';

/** When and where a vulnerability was last detected (migration 017): one narrow row each. */
export interface VulnerabilityLastSeenTable {
  vulnerability_id: number;
  pipeline_id: number | null;
  seen_at: DefaultTimestamp;
}

export interface VulnerabilityHistoryTable {
  id: Generated<number>;
  vulnerability_id: number;
  project_id: number;
  created_at: DefaultTimestamp;
  action: HistoryAction;
  actor_user_id: number | null;
  from_state: VulnerabilityState | null;
  to_state: VulnerabilityState | null;
  dismissal_reason: DismissalReason | null;
  comment: string | null;
  pipeline_id: number | null;
}

export interface VulnerabilityCommentsTable {
  id: Generated<number>;
  vulnerability_id: number;
  author_id: number | null;
  body: string;
  created_at: DefaultTimestamp;
}

export interface VulnerabilityDailyCountsTable {
  project_id: number;
  /** `date` columns are read as 'YYYY-MM-DD' strings (the pools install a date parser). */
  day: string;
  severity: SeverityText;
  count: number;
}

export interface DependenciesTable {
  id: Generated<number>;
  project_id: number;
  pipeline_id: number;
  scan_id: number;
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  package_manager: string | null;
  is_direct: boolean | null;
  is_dev: Generated<boolean>;
  licenses: ColumnType<string[], string[] | undefined, string[]>;
  locations: DefaultJson<{ file: string; line?: number }[]>;
  dependency_path: Json<{ name: string; version: string }[]> | null;
  depends_on: ColumnType<string[], string[] | undefined, string[]>;
}

export interface MigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: DefaultTimestamp;
}

/** A project's license deny list (010_read_side.sql). */
export interface ProjectLicensePoliciesTable {
  project_id: number;
  denied: ColumnType<string[], string[] | undefined, string[]>;
  updated_by: number | null;
  updated_at: DefaultTimestamp;
}

/** 012: the latest default-branch pipeline that ran each report type of a project (kept by a trigger on scans). */
export interface ProjectScanCoverageTable {
  project_id: number;
  report_type: StoredReportType;
  last_pipeline_id: number;
  last_run_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  personal_access_tokens: PersonalAccessTokensTable;
  groups: GroupsTable;
  projects: ProjectsTable;
  group_members: GroupMembersTable;
  project_members: ProjectMembersTable;
  audit_events: AuditEventsTable;
  settings: SettingsTable;
  pipelines: PipelinesTable;
  report_uploads: ReportUploadsTable;
  scans: ScansTable;
  findings: FindingsTable;
  vulnerabilities: VulnerabilitiesTable;
  vulnerability_last_seen: VulnerabilityLastSeenTable;
  vulnerability_history: VulnerabilityHistoryTable;
  vulnerability_comments: VulnerabilityCommentsTable;
  vulnerability_daily_counts: VulnerabilityDailyCountsTable;
  dependencies: DependenciesTable;
  project_license_policies: ProjectLicensePoliciesTable;
  project_scan_coverage: ProjectScanCoverageTable;
  bulwark_migrations: MigrationsTable;
}

export type User = Selectable<UsersTable>;
export type Project = Selectable<ProjectsTable>;
export type Group = Selectable<GroupsTable>;
export type Pipeline = Selectable<PipelinesTable>;
export type Vulnerability = Selectable<VulnerabilitiesTable>;
/** A vulnerability with its last sighting, as the vulnerability page shows it. */
export type SightedVulnerability = Vulnerability & { last_pipeline_id: number | null; last_detected_at: Date };
export type NewVulnerability = Insertable<VulnerabilitiesTable>;
export type VulnerabilityUpdate = Updateable<VulnerabilitiesTable>;
export type HistoryEntry = Selectable<VulnerabilityHistoryTable>;
