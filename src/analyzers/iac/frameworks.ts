import { cloudformationFramework } from './cloudformation/framework.js';
import { composeFramework } from './compose/framework.js';
import { dockerfileFramework } from './dockerfile/framework.js';
import { githubActionsFramework } from './github-actions/framework.js';
import { gitlabCiFramework } from './gitlab-ci/framework.js';
import { kubernetesFramework } from './kubernetes/framework.js';
import { terraformFramework } from './terraform/framework.js';
import type { AnyIacFramework } from './types.js';

/** Every infrastructure framework Bulwark checks: adding one is one line here. */
export const IAC_FRAMEWORKS: readonly AnyIacFramework[] = [kubernetesFramework, dockerfileFramework, composeFramework, githubActionsFramework, gitlabCiFramework, cloudformationFramework, terraformFramework];
