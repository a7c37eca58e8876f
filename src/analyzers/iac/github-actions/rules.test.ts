import { fileURLToPath } from 'node:url';
import { describeFrameworkRules } from '../../../../test/iac-rules.js';
import { githubActionsFramework } from './framework.js';

describeFrameworkRules(githubActionsFramework, fileURLToPath(new URL('./__fixtures__/', import.meta.url)), (id, kind) => `${id}.${kind}.yml`);
