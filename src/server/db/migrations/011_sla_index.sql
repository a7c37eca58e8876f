-- The SLA dashboard counts a project's open vulnerabilities per severity and compares each one's
-- detected_at with that severity's cutoff. Carrying severity and detected_at in the report index
-- lets it answer from the index alone (an index-only scan) instead of visiting every open row.
-- The same index, rebuilt wider: a separate one would cost every ingest another index to update.
DROP INDEX vulnerabilities_report_idx;
CREATE INDEX vulnerabilities_report_idx ON vulnerabilities (project_id, state, severity_level DESC, id DESC) INCLUDE (severity, detected_at);
