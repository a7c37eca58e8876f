import type { Group, Project, User } from '../../src/server/db/schema.js';
import type { TestServer } from './helper.js';
import { sastReport } from './reports.js';

/** Who calls: nobody, a signed-in stranger, each role (a member of the group), an instance admin. */
export const CALLERS = ['anonymous', 'outsider', 'guest', 'reporter', 'developer', 'maintainer', 'owner', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];

/** The least a caller must be for a route; order of CALLERS from 'outsider' on is the ladder. */
export type Minimum = 'public' | 'user' | 'guest' | 'reporter' | 'developer' | 'maintainer' | 'owner' | 'admin';

export interface World {
  readonly server: TestServer;
  readonly group: Group;
  readonly project: Project;
  readonly pipelineId: number;
  readonly vulnerabilityId: number;
  readonly users: Record<Exclude<Caller, 'anonymous'>, { user: User; token: string }>;
  /** A fresh user nobody has added anywhere (for membership routes). */
  freshUser(): Promise<User>;
  /** A unique suffix for paths and file names. */
  unique(): string;
}

export async function buildWorld(server: TestServer): Promise<World> {
  const group = await server.createGroup('matrix');
  const project = await server.createProject(group, 'app');
  const entries = await Promise.all(
    (['outsider', 'guest', 'reporter', 'developer', 'maintainer', 'owner', 'admin'] as const).map(
      async (name) => [name, await server.createUser(`m-${name}`, { admin: name === 'admin' })] as const,
    ),
  );
  const users = Object.fromEntries(entries.map(([name, made]) => [name, { user: made.user, token: made.token }])) as World['users'];
  const levels = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50 } as const;
  for (const [name, level] of Object.entries(levels) as [keyof typeof levels, (typeof levels)[keyof typeof levels]][]) {
    await server.addMember({ group }, users[name].user, level);
  }
  const admin = users.admin.token;
  const pipeline = await server.call('POST', `/api/v1/projects/${project.id}/pipelines`, admin, { ref: 'main', sha: 'd'.repeat(40) });
  const pipelineId = (pipeline.json() as { id: number }).id;
  await server.call('POST', `/api/v1/projects/${project.id}/pipelines/${pipelineId}/reports?filename=gl-sast-report.json`, admin, sastReport([{ rule: 'm', file: 'm.py', line: 1 }]));
  const vulnerability = await server.database.db.selectFrom('vulnerabilities').select('id').where('project_id', '=', project.id).executeTakeFirstOrThrow();
  let counter = 0;
  return {
    server,
    group,
    project,
    pipelineId,
    vulnerabilityId: vulnerability.id,
    users,
    unique: () => `u${(counter += 1)}`,
    async freshUser() {
      const made = await server.createUser(`fresh-${(counter += 1)}`);
      return made.user;
    },
  };
}
