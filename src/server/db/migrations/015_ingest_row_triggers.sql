-- The rest of 013's work: every foreign key on a table the ingest writes is an after-trigger
-- event per row, even where the column is NULL, and each event re-reads its row. At 100,000
-- findings that was 800,000 events and a third of PostgreSQL's time in the ingest (measured
-- with auto_explain and perf at 1,000,000 vulnerabilities; BENCHMARKS.md "Server"). What they
-- checked the ingest already guarantees: it writes the scan, project and vulnerability ids it
-- has just created or locked (the project advisory lock and the scan row's own keys hold them
-- until commit), and user ids come from the signed-in user. What they did on delete becomes
-- one statement per delete below. The ids still point where they should; nothing is left
-- behind when a scan, project, vulnerability or user goes.
ALTER TABLE findings DROP CONSTRAINT findings_scan_id_fkey;
ALTER TABLE vulnerabilities DROP CONSTRAINT vulnerabilities_project_id_fkey;
ALTER TABLE vulnerabilities DROP CONSTRAINT vulnerabilities_issue_linked_by_fkey;
ALTER TABLE vulnerabilities DROP CONSTRAINT vulnerabilities_confirmed_by_fkey;
ALTER TABLE vulnerabilities DROP CONSTRAINT vulnerabilities_dismissed_by_fkey;
ALTER TABLE vulnerabilities DROP CONSTRAINT vulnerabilities_resolved_by_fkey;
ALTER TABLE vulnerability_history DROP CONSTRAINT vulnerability_history_vulnerability_id_fkey;
-- History is append-only (a user's id stays in it, as a pipeline's does since 013).
ALTER TABLE vulnerability_history DROP CONSTRAINT vulnerability_history_actor_user_id_fkey;

-- A scan's findings go with it (scans go with their pipeline, upload and project).
CREATE FUNCTION bulwark_scans_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM findings WHERE scan_id IN (SELECT id FROM gone);
  RETURN NULL;
END;
$$;
CREATE TRIGGER scans_deleted AFTER DELETE ON scans REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_scans_deleted();

-- A project's vulnerabilities go with it…
CREATE FUNCTION bulwark_projects_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM vulnerabilities WHERE project_id IN (SELECT id FROM gone);
  RETURN NULL;
END;
$$;
CREATE TRIGGER projects_deleted AFTER DELETE ON projects REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_projects_deleted();

-- …and a vulnerability's history with it (the append-only trigger allows exactly that delete).
CREATE FUNCTION bulwark_vulnerabilities_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM vulnerability_history WHERE vulnerability_id IN (SELECT id FROM gone);
  RETURN NULL;
END;
$$;
CREATE TRIGGER vulnerabilities_deleted AFTER DELETE ON vulnerabilities REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_vulnerabilities_deleted();

-- A deleted user no longer appears as who confirmed, dismissed, resolved or linked an issue.
CREATE FUNCTION bulwark_users_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE vulnerabilities SET issue_linked_by = NULL WHERE issue_linked_by IN (SELECT id FROM gone);
  UPDATE vulnerabilities SET confirmed_by = NULL WHERE confirmed_by IN (SELECT id FROM gone);
  UPDATE vulnerabilities SET dismissed_by = NULL WHERE dismissed_by IN (SELECT id FROM gone);
  UPDATE vulnerabilities SET resolved_by = NULL WHERE resolved_by IN (SELECT id FROM gone);
  RETURN NULL;
END;
$$;
CREATE TRIGGER users_deleted AFTER DELETE ON users REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_users_deleted();
