-- Every index is one more insert per ingested row. These two are read by no query:
-- - findings (project_id, uuid): findings are read per pipeline (the unique (pipeline_id, uuid))
--   and deleted per scan (findings_scan_idx); a finding's vulnerability is found by
--   (project_id, uuid) on vulnerabilities.
-- - vulnerability_history (project_id, created_at): history is read per vulnerability
--   (vulnerability_history_vuln_idx), and deletes reach it through vulnerability_id.
DROP INDEX findings_project_uuid_idx;
DROP INDEX vulnerability_history_project_idx;
