import { fileURLToPath } from 'node:url';
import { describeFrameworkRules } from '../../../../test/iac-rules.js';
import { composeFramework } from './framework.js';

describeFrameworkRules(composeFramework, fileURLToPath(new URL('./__fixtures__/', import.meta.url)), (id, kind) => `${id}.${kind}.yaml`);
