import { fileURLToPath } from 'node:url';
import { describeFrameworkRules } from '../../../../test/iac-rules.js';
import { cloudformationFramework } from './framework.js';

describeFrameworkRules(cloudformationFramework, fileURLToPath(new URL('./__fixtures__/', import.meta.url)), (id, kind) => `${id}.${kind}.yaml`);
