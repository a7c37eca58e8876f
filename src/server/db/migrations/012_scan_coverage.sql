-- Which report types each project's default branch has run, and when last: the security
-- inventory and the security configuration page read one row per (project, report type) instead
-- of aggregating every scan a project ever stored. A trigger on scans keeps it current, so the
-- ingest code needs no change; a late upload from an older pipeline never moves it backwards.
CREATE TABLE project_scan_coverage (
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  report_type text NOT NULL,
  last_pipeline_id bigint NOT NULL REFERENCES pipelines (id) ON DELETE CASCADE,
  -- when that pipeline ran: finished, else started, else recorded
  last_run_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, report_type)
);

CREATE FUNCTION bulwark_scan_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_scan_coverage (project_id, report_type, last_pipeline_id, last_run_at)
  SELECT NEW.project_id, NEW.report_type, p.id, coalesce(p.finished_at, p.started_at, p.created_at)
  FROM pipelines p
  WHERE p.id = NEW.pipeline_id AND p.is_default_branch
  ON CONFLICT (project_id, report_type) DO UPDATE
    SET last_pipeline_id = excluded.last_pipeline_id, last_run_at = excluded.last_run_at
    WHERE excluded.last_pipeline_id > project_scan_coverage.last_pipeline_id;
  RETURN NULL;
END $$;

CREATE TRIGGER scans_scan_coverage AFTER INSERT ON scans FOR EACH ROW EXECUTE FUNCTION bulwark_scan_coverage();

-- Scans stored before this migration.
INSERT INTO project_scan_coverage (project_id, report_type, last_pipeline_id, last_run_at)
SELECT DISTINCT ON (s.project_id, s.report_type) s.project_id, s.report_type, p.id, coalesce(p.finished_at, p.started_at, p.created_at)
FROM scans s JOIN pipelines p ON p.id = s.pipeline_id
WHERE p.is_default_branch
ORDER BY s.project_id, s.report_type, p.id DESC;
