import { fileURLToPath } from 'node:url';
import { describeFrameworkRules } from '../../../../test/iac-rules.js';
import { gitlabCiFramework } from './framework.js';

describeFrameworkRules(gitlabCiFramework, fileURLToPath(new URL('./__fixtures__/', import.meta.url)), (id, kind) => `${id}.${kind}.yml`);
