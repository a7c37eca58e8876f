-- Bulwark server schema, version 1. Runs unchanged on PostgreSQL 15+ and PGlite.
-- Names are unqualified so the tests can give every test file its own schema (search_path).
-- bigint ids are read back as JS numbers (the pools install an int8 parser).

-- Identity and access ----------------------------------------------------------------------

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$'),
  email text,
  -- "scrypt$N$r$p$<salt b64>$<key b64>"
  password_hash text NOT NULL,
  is_admin boolean NOT NULL DEFAULT false,
  is_blocked boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- Browser sessions: the cookie carries a random secret; only its SHA-256 is stored.
CREATE TABLE sessions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Personal access tokens: `bwk_<random>`, stored as SHA-256 hex; `token_prefix` is for display.
CREATE TABLE personal_access_tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  scopes text[] NOT NULL CHECK (scopes <@ ARRAY['api', 'read_api']::text[] AND cardinality(scopes) > 0),
  expires_at timestamptz,
  last_used_at timestamptz,
  -- when the last `token.used` audit event was written (at most one per hour per token)
  last_audited_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX personal_access_tokens_user_idx ON personal_access_tokens (user_id);

-- Groups nest; full_path is "parent/child" and unique across groups and projects' own paths.
CREATE TABLE groups (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id bigint REFERENCES groups (id) ON DELETE RESTRICT,
  name text NOT NULL,
  path text NOT NULL CHECK (path ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$'),
  full_path text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX groups_full_path_key ON groups (lower(full_path));
CREATE INDEX groups_parent_idx ON groups (parent_id);

CREATE TABLE projects (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_id bigint NOT NULL REFERENCES groups (id) ON DELETE RESTRICT,
  name text NOT NULL,
  path text NOT NULL CHECK (path ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$'),
  full_path text NOT NULL,
  default_branch text NOT NULL DEFAULT 'main',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX projects_full_path_key ON projects (lower(full_path));
CREATE INDEX projects_group_idx ON projects (group_id);

-- Roles as GitLab's access levels: guest 10, reporter 20, developer 30, maintainer 40, owner 50.
-- A project member's effective level is the highest of its project membership and the
-- memberships of the project's group and every ancestor group.
CREATE TABLE group_members (
  group_id bigint NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  access_level smallint NOT NULL CHECK (access_level IN (10, 20, 30, 40, 50)),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user_idx ON group_members (user_id);

CREATE TABLE project_members (
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  access_level smallint NOT NULL CHECK (access_level IN (10, 20, 30, 40, 50)),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_members_user_idx ON project_members (user_id);

-- Audit events: logins, token creation and use, membership and state changes.
CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  actor_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  actor_token_id bigint REFERENCES personal_access_tokens (id) ON DELETE SET NULL,
  -- the username tried on a failed login, kept even when no such user exists
  actor_name text,
  target_type text,
  target_id text,
  project_id bigint REFERENCES projects (id) ON DELETE SET NULL,
  group_id bigint REFERENCES groups (id) ON DELETE SET NULL,
  ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_created_idx ON audit_events (created_at DESC, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, id DESC);

-- Instance settings (SLA days per severity live under key 'sla_days').
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Pipelines, uploads, scans, findings --------------------------------------------------------

CREATE TABLE pipelines (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  ref text NOT NULL,
  sha text NOT NULL CHECK (sha ~ '^[0-9a-f]{7,64}$'),
  source text NOT NULL,
  status text NOT NULL CHECK (status IN ('created', 'running', 'success', 'failed', 'canceled', 'skipped')),
  -- ref equalled the project's default branch when the pipeline was created
  is_default_branch boolean NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pipelines_project_idx ON pipelines (project_id, id DESC);
CREATE INDEX pipelines_project_default_idx ON pipelines (project_id, id DESC) WHERE is_default_branch;
CREATE INDEX pipelines_project_sha_idx ON pipelines (project_id, sha);

-- One uploaded report file. Re-uploading the same file name to a pipeline is refused (409).
CREATE TABLE report_uploads (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  pipeline_id bigint NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('gitlab', 'sarif', 'cyclonedx')),
  byte_size bigint NOT NULL,
  sha256 text NOT NULL,
  created_by bigint REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (pipeline_id, file_name)
);

-- One scan per (upload × report type): a SARIF file can hold several inferred types.
CREATE TABLE scans (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  upload_id bigint NOT NULL REFERENCES report_uploads (id) ON DELETE CASCADE,
  pipeline_id bigint NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  report_type text NOT NULL CHECK (report_type IN ('sast', 'secret_detection', 'dependency_scanning',
    'container_scanning', 'dast', 'api_fuzzing', 'coverage_fuzzing', 'cluster_image_scanning', 'sbom')),
  format text NOT NULL CHECK (format IN ('gitlab', 'sarif', 'cyclonedx')),
  schema_version text NOT NULL,
  scanner_id text NOT NULL,
  scanner_name text NOT NULL,
  scanner_version text,
  scanner_vendor text,
  analyzer_id text,
  analyzer_name text,
  analyzer_version text,
  status text NOT NULL CHECK (status IN ('success', 'failure')),
  started_at timestamptz,
  finished_at timestamptz,
  finding_count integer NOT NULL DEFAULT 0,
  duplicate_count integer NOT NULL DEFAULT 0,
  -- the report's own scan.messages and reader warnings: [{code, message, level}]
  messages jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scans_pipeline_idx ON scans (pipeline_id, report_type);
CREATE INDEX scans_project_type_idx ON scans (project_id, report_type, scanner_id, pipeline_id DESC);

-- Findings of one pipeline (GitLab's security_findings). Within a pipeline a UUID appears once:
-- later duplicates (spec §2.4, and the same UUID from a later upload) are counted, not stored.
CREATE TABLE findings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scan_id bigint NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  pipeline_id bigint NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  uuid uuid NOT NULL,
  report_type text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info', 'unknown')),
  title text NOT NULL,
  primary_identifier_fingerprint text NOT NULL,
  location_fingerprint text NOT NULL,
  -- tracking signatures [{algorithm, value}] for the MR comparison (spec §4.2)
  signatures jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- the core Finding as read from the report (src/core/finding.ts), for comparison and details
  data jsonb NOT NULL,
  UNIQUE (pipeline_id, uuid)
);
CREATE INDEX findings_scan_idx ON findings (scan_id);
CREATE INDEX findings_project_uuid_idx ON findings (project_id, uuid);

-- Vulnerabilities: one per (project, finding UUID), created and refreshed by default-branch
-- pipelines; the durable record that people triage.
CREATE TABLE vulnerabilities (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  uuid uuid NOT NULL,
  report_type text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info', 'unknown')),
  -- GitLab's numbering: info 1, unknown 2, low 4, medium 5, high 6, critical 7 (sort key)
  severity_level smallint GENERATED ALWAYS AS (CASE severity WHEN 'critical' THEN 7 WHEN 'high' THEN 6
    WHEN 'medium' THEN 5 WHEN 'low' THEN 4 WHEN 'unknown' THEN 2 ELSE 1 END) STORED,
  state text NOT NULL DEFAULT 'detected' CHECK (state IN ('detected', 'confirmed', 'dismissed', 'resolved')),
  dismissal_reason text CHECK (dismissal_reason IN ('acceptable_risk', 'false_positive', 'mitigating_control',
    'used_in_tests', 'not_applicable')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  solution text,
  scanner_id text NOT NULL,
  scanner_name text NOT NULL,
  primary_identifier_type text NOT NULL,
  primary_identifier_name text NOT NULL,
  primary_identifier_value text NOT NULL,
  -- every identifier's name and "type:value", lower-cased ('cve-2021-44228', 'cwe:79', 'cwe-79')
  -- for the identifier filter (GIN)
  identifier_keys text[] NOT NULL DEFAULT '{}',
  -- full identifiers [{type, name, value, url?}], the location (core Location), links, evidence,
  -- cvss vectors and the raw report object
  identifiers jsonb NOT NULL,
  location jsonb NOT NULL,
  -- file (source/dependency types), image (container) or path (dast): for display and sorting
  location_text text NOT NULL DEFAULT '',
  location_fingerprint text NOT NULL,
  -- dependency / container findings: the affected package (joins to the dependency list)
  package_name text,
  package_version text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- "no longer detected": the latest default-branch scan of this type and scanner lacks it
  is_no_longer_detected boolean NOT NULL DEFAULT false,
  issue_url text,
  issue_linked_by bigint REFERENCES users (id) ON DELETE SET NULL,
  issue_linked_at timestamptz,
  first_pipeline_id bigint REFERENCES pipelines (id) ON DELETE SET NULL,
  last_pipeline_id bigint REFERENCES pipelines (id) ON DELETE SET NULL,
  detected_at timestamptz NOT NULL DEFAULT now(),
  last_detected_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  confirmed_by bigint REFERENCES users (id) ON DELETE SET NULL,
  dismissed_at timestamptz,
  dismissed_by bigint REFERENCES users (id) ON DELETE SET NULL,
  resolved_at timestamptz,
  resolved_by bigint REFERENCES users (id) ON DELETE SET NULL,
  state_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, uuid),
  CHECK ((state = 'dismissed') = (dismissal_reason IS NOT NULL))
);
-- Vulnerability report: keyset pagination on (severity_level DESC, id DESC) per project and state.
CREATE INDEX vulnerabilities_report_idx ON vulnerabilities (project_id, state, severity_level DESC, id DESC);
CREATE INDEX vulnerabilities_project_sev_idx ON vulnerabilities (project_id, severity_level DESC, id DESC);
CREATE INDEX vulnerabilities_state_sev_idx ON vulnerabilities (state, severity_level DESC, id DESC);
CREATE INDEX vulnerabilities_project_type_idx ON vulnerabilities (project_id, report_type, scanner_id);
CREATE INDEX vulnerabilities_identifier_keys_idx ON vulnerabilities USING gin (identifier_keys);
CREATE INDEX vulnerabilities_package_idx ON vulnerabilities (project_id, package_name) WHERE package_name IS NOT NULL;
CREATE INDEX vulnerabilities_resolved_idx ON vulnerabilities (project_id, resolved_at) WHERE resolved_at IS NOT NULL;

-- Append-only: every state change and detection event, with who (NULL = the system), when, why.
CREATE TABLE vulnerability_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  vulnerability_id bigint NOT NULL REFERENCES vulnerabilities (id) ON DELETE CASCADE,
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- 'detected' (created), 'state_changed', 'no_longer_detected', 'detected_again'
  action text NOT NULL,
  actor_user_id bigint REFERENCES users (id) ON DELETE SET NULL,
  from_state text,
  to_state text,
  dismissal_reason text,
  comment text,
  pipeline_id bigint REFERENCES pipelines (id) ON DELETE SET NULL
);
CREATE INDEX vulnerability_history_vuln_idx ON vulnerability_history (vulnerability_id, id);
CREATE INDEX vulnerability_history_project_idx ON vulnerability_history (project_id, created_at);

-- Deleting a whole project cascades; anything else that rewrites history is refused.
CREATE FUNCTION bulwark_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM vulnerabilities WHERE id = OLD.vulnerability_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'vulnerability_history is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER vulnerability_history_append_only BEFORE UPDATE OR DELETE ON vulnerability_history
  FOR EACH ROW EXECUTE FUNCTION bulwark_history_append_only();

CREATE TABLE vulnerability_comments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  vulnerability_id bigint NOT NULL REFERENCES vulnerabilities (id) ON DELETE CASCADE,
  author_id bigint REFERENCES users (id) ON DELETE SET NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vulnerability_comments_vuln_idx ON vulnerability_comments (vulnerability_id, id);

-- Open (detected + confirmed) vulnerabilities per project, day and severity: the ingest and
-- triage services rewrite today's six rows for each project they touch; a day without a row
-- carries the previous day's value forward (the dashboard query does that).
CREATE TABLE vulnerability_daily_counts (
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  day date NOT NULL,
  severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info', 'unknown')),
  count integer NOT NULL,
  PRIMARY KEY (project_id, day, severity)
);

-- Dependency list: the packages of the latest default-branch pipeline that uploaded an SBOM
-- (CycloneDX) or a dependency-scanning report with dependency_files. A newer pipeline's first
-- upload replaces the older pipeline's rows.
CREATE TABLE dependencies (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  pipeline_id bigint NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  scan_id bigint NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
  ecosystem text NOT NULL,
  name text NOT NULL,
  version text NOT NULL,
  purl text NOT NULL,
  package_manager text,
  is_direct boolean,
  is_dev boolean NOT NULL DEFAULT false,
  licenses text[] NOT NULL DEFAULT '{}',
  -- [{file, line?}]
  locations jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- shortest ancestor chain [{name, version}]
  dependency_path jsonb,
  depends_on text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX dependencies_project_idx ON dependencies (project_id, name, version);
CREATE INDEX dependencies_pipeline_idx ON dependencies (pipeline_id);
CREATE INDEX dependencies_purl_idx ON dependencies (purl);
