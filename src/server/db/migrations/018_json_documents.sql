-- A finding's document (findings.data) and a vulnerability's details (links, evidence, CVSS
-- vectors, the report's own object) are stored and read whole; no query looks inside details,
-- and the comparison's `data -> 'identifiers' -> 0` works on json as on jsonb. As json they are
-- checked on the way in instead of converted: an upload sends them as text beside the batch
-- (vulnerability-upsert.ts), and building jsonb from them was about a third of what PostgreSQL
-- spent reading a batch.
ALTER TABLE findings ALTER COLUMN data TYPE json USING data::json;
ALTER TABLE vulnerabilities ALTER COLUMN details DROP DEFAULT;
ALTER TABLE vulnerabilities ALTER COLUMN details TYPE json USING details::json;
ALTER TABLE vulnerabilities ALTER COLUMN details SET DEFAULT '{}'::json;
