import type { AttackTarget } from '../active/target.js';
import type { Schema } from './values.js';

/** One parameter of an API operation, with its schema, for fuzzing. */
export interface ApiParameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'body' | 'form';
  readonly schema: Schema;
  readonly required: boolean;
}

/** An API operation: the valid request as a target, its parameters and declared responses. */
export interface ApiOperation {
  readonly target: AttackTarget;
  readonly parameters: readonly ApiParameter[];
  /** Declared responses: status (`200`, `4XX`, `default`) → JSON body schema (undefined when none is declared). */
  readonly responses: ReadonlyMap<string, Schema | undefined>;
}
