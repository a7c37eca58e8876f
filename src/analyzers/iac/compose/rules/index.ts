import type { IacRule } from '../../types.js';
import type { ComposeService } from '../framework.js';
import { ENVIRONMENT_RULES } from './environment.js';
import { IMAGE_RULES } from './images.js';
import { NAMESPACE_RULES } from './namespaces.js';
import { PORT_RULES } from './ports.js';
import { PRIVILEGE_RULES } from './privileges.js';
import { RESOURCE_RULES } from './resources.js';
import { VOLUME_RULES } from './volumes.js';

export const COMPOSE_RULES: readonly IacRule<ComposeService>[] = [...PRIVILEGE_RULES, ...NAMESPACE_RULES, ...VOLUME_RULES, ...IMAGE_RULES, ...ENVIRONMENT_RULES, ...PORT_RULES, ...RESOURCE_RULES];
