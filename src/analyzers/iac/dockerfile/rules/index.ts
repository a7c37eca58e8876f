import type { IacRule } from '../../types.js';
import type { Dockerfile } from '../framework.js';
import { BASE_IMAGE_RULES } from './base-image.js';
import { METADATA_RULES } from './metadata.js';
import { NETWORK_RULES } from './network.js';
import { PACKAGE_RULES } from './packages.js';
import { SECRET_RULES } from './secrets.js';
import { USER_RULES } from './user.js';

export const DOCKERFILE_RULES: readonly IacRule<Dockerfile>[] = [...BASE_IMAGE_RULES, ...USER_RULES, ...PACKAGE_RULES, ...NETWORK_RULES, ...SECRET_RULES, ...METADATA_RULES];
