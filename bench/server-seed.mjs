// Seed a Bulwark server database for bench/server.mjs: groups, projects, members, one
// default-branch pipeline per project, N vulnerabilities with a realistic severity / state /
// report-type mix, their history, 365 days of daily counts and a dependency list per project.
// A project's vulnerabilities sit together in the table, as one ingest per report writes them.
// Everything is generated inside PostgreSQL (INSERT … SELECT generate_series), so 1,000,000
// vulnerabilities take one round trip per table, not a million.
//
//   import { seedServerDatabase } from './server-seed.mjs';
//   await seedServerDatabase(client, { vulnerabilities: 1_000_000, groups: 10, projectsPerGroup: 20 });
//
// `client` is a connected pg.Client on a migrated, empty database. Deterministic (setseed).
import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A token the server accepts: `bwk_` + base64url, stored as its SHA-256. */
async function addToken(client, userId, scopes) {
  const token = `bwk_${randomBytes(32).toString('base64url')}`;
  await client.query(
    `insert into personal_access_tokens (user_id, name, token_hash, token_prefix, scopes, expires_at)
     values ($1, 'bench', $2, $3, $4::text[], now() + interval '1 day')`,
    [userId, sha256(token), token.slice(0, 8), scopes],
  );
  return token;
}

export async function seedServerDatabase(client, options = {}) {
  const vulnerabilities = options.vulnerabilities ?? 1_000_000;
  const groups = options.groups ?? 10;
  const perGroup = options.projectsPerGroup ?? 20;
  const packagesPerProject = options.packagesPerProject ?? 500;
  const timings = {};
  const step = async (name, text, params = []) => {
    const started = performance.now();
    const result = await client.query(text, params);
    timings[name] = Math.round(performance.now() - started);
    return result;
  };
  await client.query('select setseed(0.42)');

  await step('groups+projects', `
    insert into groups (name, path, full_path) select 'Group ' || g, 'g' || lpad(g::text, 2, '0'), 'g' || lpad(g::text, 2, '0') from generate_series(0, $1 - 1) g;
  `.replace('$1', String(groups)));
  await client.query(`
    insert into projects (group_id, name, path, full_path)
    select g.id, 'Project ' || p, 'p' || lpad(p::text, 3, '0'), g.full_path || '/p' || lpad(p::text, 3, '0')
    from groups g cross join generate_series(0, ${perGroup - 1}) p order by g.id, p`);

  const admin = (await client.query(`insert into users (username, password_hash, is_admin) values ('bench-admin', 'unused', true) returning id`)).rows[0].id;
  const reporter = (await client.query(`insert into users (username, password_hash) values ('bench-reporter', 'unused') returning id`)).rows[0].id;
  // The reporter sees three of the groups: the instance-wide list is filtered by a project list.
  await client.query(`insert into group_members (group_id, user_id, access_level) select id, $1, 20 from groups order by id limit 3`, [reporter]);
  const adminToken = await addToken(client, admin, ['api']);
  const reporterToken = await addToken(client, reporter, ['read_api']);

  await step('pipelines', `
    insert into pipelines (project_id, ref, sha, source, status, is_default_branch, started_at, finished_at)
    select id, 'main', substr(md5(id::text), 1, 40), 'push', 'success', true, now() - interval '1 hour', now() - interval '50 minutes' from projects`);

  // One row per vulnerability; every choice comes from random() so the mix is realistic.
  await step('vulnerabilities', `
    with projects_numbered as (select id, row_number() over (order by id) - 1 as n, (select count(*) from projects) as total from projects),
    pipes as (select project_id, max(id) as pipeline_id from pipelines group by project_id),
    raw as (
      select i, random() as r_sev, random() as r_state, random() as r_type, random() as r_age, random() as r_fix, random() as r_misc
      from generate_series(1, ${vulnerabilities}) i
    ),
    shaped as (
      select raw.*, pn.id as project_id, pipes.pipeline_id,
        case when r_sev < 0.03 then 'critical' when r_sev < 0.18 then 'high' when r_sev < 0.53 then 'medium'
             when r_sev < 0.83 then 'low' when r_sev < 0.95 then 'info' else 'unknown' end as severity,
        case when r_state < 0.55 then 'detected' when r_state < 0.65 then 'confirmed' when r_state < 0.75 then 'dismissed' else 'resolved' end as state,
        case when r_type < 0.40 then 'sast' when r_type < 0.70 then 'dependency_scanning' when r_type < 0.80 then 'secret_detection'
             when r_type < 0.95 then 'container_scanning' else 'dast' end as report_type,
        now() - (r_age * interval '730 days') as detected_at
      from raw
      -- Each project's rows are contiguous, as ingests (one project's report at a time) leave them.
      join projects_numbered pn on pn.n = ((raw.i - 1) * pn.total) / ${vulnerabilities}
      join pipes on pipes.project_id = pn.id
    ),
    identified as (
      select shaped.*,
        case report_type when 'sast' then 'semgrep' when 'dependency_scanning' then 'gemnasium' when 'secret_detection' then 'gitleaks'
             when 'container_scanning' then 'trivy' else 'zaproxy' end as scanner_id,
        case when report_type in ('dependency_scanning', 'container_scanning') then 'CVE-' || (2015 + i % 10) || '-' || (10000 + i % 20000)
             when report_type = 'secret_detection' then 'gitleaks_rule_id_' || (i % 150)
             else 'CWE-' || (20 + i % 900) end as primary_name
      from shaped
    )
    insert into vulnerabilities (
      project_id, uuid, report_type, severity, state, dismissal_reason, title, description, scanner_id, scanner_name,
      primary_identifier_type, primary_identifier_name, primary_identifier_value, identifier_keys, identifiers, location,
      location_text, location_fingerprint, package_name, package_version, details, is_no_longer_detected, issue_url,
      first_pipeline_id, detected_at, confirmed_at, dismissed_at, resolved_at,
      state_changed_at, created_at, updated_at)
    select project_id, md5('vuln' || i)::uuid, report_type, severity, state,
      case when state = 'dismissed' then (array['acceptable_risk', 'false_positive', 'mitigating_control', 'used_in_tests', 'not_applicable'])[1 + i % 5] end,
      case report_type when 'sast' then 'Improper neutralization (' || primary_name || ')' when 'secret_detection' then 'Secret detected: ' || primary_name
           else 'Vulnerable package ' || 'pkg-' || (i % 3000) || ' (' || primary_name || ')' end,
      'Synthetic vulnerability ' || i || ' for the benchmark.', scanner_id, initcap(scanner_id),
      lower(split_part(primary_name, '-', 1)), primary_name, coalesce(nullif(split_part(primary_name, '-', 2), ''), primary_name),
      array[lower(primary_name), lower(split_part(primary_name, '-', 1)) || ':' || lower(substr(primary_name, strpos(primary_name, '-') + 1))],
      jsonb_build_array(jsonb_build_object('type', lower(split_part(primary_name, '-', 1)), 'name', primary_name, 'value', substr(primary_name, strpos(primary_name, '-') + 1))),
      jsonb_build_object('file', 'src/module' || (i % 400) || '/file' || (i % 37) || '.ts', 'start_line', 1 + i % 900),
      'src/module' || (i % 400) || '/file' || (i % 37) || '.ts', md5('loc' || i),
      case when report_type in ('dependency_scanning', 'container_scanning') then 'pkg-' || (i % 3000) end,
      case when report_type in ('dependency_scanning', 'container_scanning') then '1.' || (i % 7) || '.' || (i % 13) end,
      '{}'::json, r_misc < 0.10, case when r_misc > 0.98 then 'https://issues.example.com/' || i end,
      pipeline_id, detected_at,
      case when state = 'confirmed' then detected_at + interval '1 day' end,
      case when state = 'dismissed' then detected_at + interval '2 days' end,
      case when state = 'resolved' then least(now(), detected_at + r_fix * interval '120 days') end,
      case when state = 'resolved' then least(now(), detected_at + r_fix * interval '120 days') when state = 'detected' then detected_at else detected_at + interval '1 day' end,
      detected_at,
      least(now(), case when state = 'resolved' then detected_at + r_fix * interval '120 days' else detected_at + (r_misc * interval '30 days') end)
    from identified`);

  await step('last-seen', `
    insert into vulnerability_last_seen (vulnerability_id, pipeline_id, seen_at)
    select id, first_pipeline_id, detected_at from vulnerabilities`);

  await step('history', `
    insert into vulnerability_history (vulnerability_id, project_id, created_at, action, from_state, to_state, pipeline_id)
    select id, project_id, detected_at, 'detected', null, 'detected', first_pipeline_id from vulnerabilities
    union all
    select id, project_id, state_changed_at, 'state_changed', 'detected', state, null from vulnerabilities where state <> 'detected'`);

  // 365 days of open counts per project and severity, drifting up to today's real value.
  await step('daily-counts', `
    insert into vulnerability_daily_counts (project_id, day, severity, count)
    select c.project_id, d::date, c.severity, greatest(0, round(c.n * (0.6 + 0.4 * (365 - extract(day from now() - d)) / 365.0)))::int
    from (select p.id as project_id, s.severity, count(v.id) as n
          from projects p cross join unnest(array['critical', 'high', 'medium', 'low', 'info', 'unknown']) s(severity)
          left join vulnerabilities v on v.project_id = p.id and v.severity = s.severity and v.state in ('detected', 'confirmed')
          group by p.id, s.severity) c
    cross join generate_series((now() at time zone 'UTC')::date - 364, (now() at time zone 'UTC')::date, interval '1 day') d`);

  await client.query(`
    insert into report_uploads (pipeline_id, project_id, file_name, format, byte_size, sha256)
    select id, project_id, 'gl-sbom.cdx.json', 'cyclonedx', 1, repeat('0', 64) from pipelines`);
  await client.query(`
    insert into scans (upload_id, pipeline_id, project_id, report_type, format, schema_version, scanner_id, scanner_name, status)
    select id, pipeline_id, project_id, 'sbom', 'cyclonedx', '1.6', 'bulwark', 'Bulwark', 'success' from report_uploads`);
  await step('dependencies', `
    insert into dependencies (project_id, pipeline_id, scan_id, ecosystem, name, version, purl, package_manager, is_direct, licenses, locations)
    select s.project_id, s.pipeline_id, s.id, 'npm', 'pkg-' || k, '1.' || (k % 7) || '.' || (k % 13), 'pkg:npm/pkg-' || k || '@1.' || (k % 7) || '.' || (k % 13),
      'npm', k % 5 = 0, array[(array['MIT', 'Apache-2.0', 'BSD-3-Clause', 'ISC', 'GPL-3.0-only'])[1 + k % 5]], '[{"file":"package-lock.json"}]'::jsonb
    from scans s cross join generate_series(0, ${packagesPerProject - 1}) k where s.report_type = 'sbom'`);
  // What autovacuum would have done by the time anyone reads: statistics and the visibility map.
  await client.query('vacuum analyze');
  return { adminToken, reporterToken, ...(await listWorld(client)), timings };
}

/** Projects and groups with numeric ids (a plain pg client reads bigint as text). */
export async function listWorld(client) {
  const projects = (await client.query('select id::int, full_path, group_id::int from projects order by id')).rows;
  const groups = (await client.query('select id::int, full_path from groups order by id')).rows;
  return { projects, groups };
}
