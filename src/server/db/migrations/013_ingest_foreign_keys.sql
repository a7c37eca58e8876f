-- Ingest writes every finding, vulnerability and history row of an upload in one transaction:
-- 100,000 findings make ~300,000 rows, and every foreign key on them is a per-row trigger (an
-- index lookup and a row lock, run through the executor each time). These keys only repeat what
-- the transaction already guarantees, so they go:
-- - findings.pipeline_id and findings.project_id are those of the finding's scan, whose own
--   keys hold the pipeline and project rows (FOR KEY SHARE) until the upload commits; deleting
--   either still deletes the findings (findings.scan_id → scans cascades).
-- - vulnerability_history.project_id is the vulnerability's (vulnerability_id cascades).
-- - vulnerabilities.first_pipeline_id / last_pipeline_id and vulnerability_history.pipeline_id
--   name the pipeline the ingest is writing, which its scan row holds the same way. Deleting a
--   pipeline still clears the two vulnerability columns (the trigger below, one statement per
--   delete instead of one per row); history, being append-only, keeps the number.
ALTER TABLE findings DROP CONSTRAINT findings_pipeline_id_fkey;
ALTER TABLE findings DROP CONSTRAINT findings_project_id_fkey;
ALTER TABLE vulnerability_history DROP CONSTRAINT vulnerability_history_project_id_fkey;
ALTER TABLE vulnerability_history DROP CONSTRAINT vulnerability_history_pipeline_id_fkey;
ALTER TABLE vulnerabilities DROP CONSTRAINT vulnerabilities_first_pipeline_id_fkey;
ALTER TABLE vulnerabilities DROP CONSTRAINT vulnerabilities_last_pipeline_id_fkey;

CREATE FUNCTION bulwark_pipelines_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE vulnerabilities SET first_pipeline_id = NULL WHERE first_pipeline_id IN (SELECT id FROM gone);
  UPDATE vulnerabilities SET last_pipeline_id = NULL WHERE last_pipeline_id IN (SELECT id FROM gone);
  RETURN NULL;
END;
$$;
CREATE TRIGGER pipelines_deleted AFTER DELETE ON pipelines REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION bulwark_pipelines_deleted();
