-- The time orderings of a group's or a caller's report (sort=detected_at / updated_at) walked the
-- instance-wide time indexes of 010 and skipped every newer row of other projects or other
-- states: after a 100,000-finding upload elsewhere, a group's first page of confirmed
-- vulnerabilities read 100,000 index entries (0.4 s at 1,000,000 vulnerabilities). In these, each
-- (project, state) has its newest rows in front; the list query takes the first page of each pair
-- in scope and merges them (vulnerability-list.ts).
CREATE INDEX vulnerabilities_project_state_detected_idx ON vulnerabilities (project_id, state, detected_at DESC, id DESC);
CREATE INDEX vulnerabilities_project_state_updated_idx ON vulnerabilities (project_id, state, updated_at DESC, id DESC);
