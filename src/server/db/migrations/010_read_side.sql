-- Read side: orderings of the vulnerability report that the project/state indexes of 001 do not
-- serve (instance-wide lists of an administrator), and per-project license deny lists.

-- Instance-wide "most severe first" and the two time orderings walk these in keyset order.
-- project_id and state ride along so a caller's project list and a state filter are checked in
-- the index, without a table visit per skipped row.
CREATE INDEX vulnerabilities_severity_id_idx ON vulnerabilities (severity_level DESC, id DESC) INCLUDE (project_id, state);
CREATE INDEX vulnerabilities_detected_id_idx ON vulnerabilities (detected_at DESC, id DESC);
CREATE INDEX vulnerabilities_updated_id_idx ON vulnerabilities (updated_at DESC, id DESC);

-- Licenses a project must not use (SPDX ids, compared case-insensitively); the dependency list
-- flags packages and licenses that match.
CREATE TABLE project_license_policies (
  project_id bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  denied text[] NOT NULL DEFAULT '{}',
  updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
