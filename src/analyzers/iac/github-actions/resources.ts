import type { Job, Step, Workflow } from './framework.js';

/** `job build` of a workflow, `composite action` for an action's steps. */
export function jobResource(workflow: Workflow, job: Job): string {
  return workflow.kind === 'action' ? `composite action "${workflow.name}"` : `job ${job.id}`;
}

export function stepResource(workflow: Workflow, job: Job, step: Step): string {
  return `${step.label} of ${jobResource(workflow, job)}`;
}

/** Every step with its job, in file order. */
export function allSteps(workflow: Workflow): { job: Job; step: Step }[] {
  return workflow.jobs.flatMap((job) => job.steps.map((step) => ({ job, step })));
}

/** The action a `uses:` names, without its ref: `actions/checkout`. */
export function actionName(uses: string): string {
  const at = uses.lastIndexOf('@');
  return (at < 0 ? uses : uses.slice(0, at)).toLowerCase();
}
