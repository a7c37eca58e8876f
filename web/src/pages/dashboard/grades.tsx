import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../components/status.js';
import { scopePath } from '../../layout/scope.js';
import type { Grade, Grades } from './api.js';

/** What puts a project in each grade: its most severe open (detected or confirmed) vulnerability. */
const GRADE_MEANING: Record<Grade, string> = {
  F: 'Projects with critical vulnerabilities',
  D: 'Projects with high or unknown vulnerabilities',
  C: 'Projects with medium vulnerabilities',
  B: 'Projects with low vulnerabilities',
  A: 'Projects with no vulnerabilities',
};

/** A long grade shows this many projects until asked for all. */
const FIRST = 10;

/**
 * Project security status, as GitLab's group dashboard has it: grades F to A, each with the
 * projects in it, each project linking to its vulnerability report.
 */
export function GradesCard({ grades, error, loading }: { grades: Grades | undefined; error: unknown; loading: boolean }) {
  const headingId = useId();
  return (
    <section className="card dash-grades" aria-labelledby={headingId}>
      <h2 id={headingId}>Project security status</h2>
      <p className="muted dash-note">Projects graded by their most severe open vulnerability.</p>
      {error !== null && error !== undefined ? <ErrorMessage error={error} title="Grades" /> : null}
      {loading && grades === undefined ? <Loading what="grades" /> : null}
      {grades === undefined ? null : (
        <ul className="dash-grade-list" aria-label="Project grades">
          {grades.grades.map((entry) => (
            <GradeEntry key={entry.grade} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function GradeEntry({ entry }: { entry: Grades['grades'][number] }) {
  const [all, setAll] = useState(false);
  const count = entry.projects.length;
  const shown = all ? entry.projects : entry.projects.slice(0, FIRST);
  const noun = count === 1 ? 'project' : 'projects';
  return (
    <li>
      {/* Open when it has projects, so the status reads at a glance; empty grades stay shut. */}
      <details open={count > 0} aria-label={`Grade ${entry.grade}: ${count} ${noun}`}>
        <summary>
          <span className={`dash-grade dash-grade-${entry.grade}`} aria-hidden="true">
            {entry.grade}
          </span>
          <span className="dash-grade-count">
            {count} {noun}
          </span>
          <span className="muted">{GRADE_MEANING[entry.grade]}</span>
        </summary>
        {count === 0 ? null : (
          <ul className="dash-grade-projects">
            {shown.map((project) => (
              <li key={project.id}>
                <Link to={scopePath({ kind: 'project', id: project.id }, 'vulnerabilities')}>{project.fullPath}</Link>
              </li>
            ))}
          </ul>
        )}
        {count > FIRST && !all ? (
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setAll(true)}>
            Show all {count} projects
          </button>
        ) : null}
      </details>
    </li>
  );
}
