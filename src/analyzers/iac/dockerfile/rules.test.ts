import { fileURLToPath } from 'node:url';
import { describeFrameworkRules } from '../../../../test/iac-rules.js';
import { dockerfileFramework } from './framework.js';

describeFrameworkRules(dockerfileFramework, fileURLToPath(new URL('./__fixtures__/', import.meta.url)), (id, kind) => `${id}.${kind}.Dockerfile`);
