import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

/** The shared schemas sit beside the repository (`../shared/schemas`), as in CI. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../shared/schemas/', import.meta.url));

const addFormats = addFormatsModule as unknown as (ajv: object) => void;

function loadJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${SCHEMAS_DIR}${path}`, 'utf8')) as Record<string, unknown>;
}

const cache = new Map<string, ValidateFunction>();

/** A validator for a GitLab 15.0.7 report schema file (draft-07). */
export function gitlabValidator(schemaFile: string): ValidateFunction {
  const key = `gitlab:${schemaFile}`;
  let validate = cache.get(key);
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(loadJson(`gitlab-15.0.7/${schemaFile}`));
    cache.set(key, validate);
  }
  return validate;
}

/** A validator for SARIF 2.1.0 (draft-04). */
export function sarifValidator(): ValidateFunction {
  let validate = cache.get('sarif');
  if (!validate) {
    const Draft04 = AjvDraft04 as unknown as new (options: object) => { compile: (schema: object) => ValidateFunction };
    const ajv = new Draft04({ allErrors: true, strict: false });
    addFormats(ajv);
    validate = ajv.compile(loadJson('sarif/sarif-schema-2.1.0.json'));
    cache.set('sarif', validate);
  }
  return validate;
}

/**
 * A validator for CycloneDX 1.6 JSON (draft-07). The BOM schema refers to its SPDX id list and to
 * JSF by relative `$ref`s, so both are registered under their own `$id`s first.
 */
export function cyclonedxValidator(): ValidateFunction {
  let validate = cache.get('cyclonedx-1.6');
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    // ajv-formats has no IRI or internationalised e-mail checks; accept them rather than let
    // Ajv ignore the keyword with a warning on every compile.
    ajv.addFormat('iri-reference', true);
    ajv.addFormat('idn-email', true);
    ajv.addSchema(loadJson('cyclonedx/spdx.schema.json'));
    ajv.addSchema(loadJson('cyclonedx/jsf-0.82.schema.json'));
    validate = ajv.compile(loadJson('cyclonedx/bom-1.6.schema.json'));
    cache.set('cyclonedx-1.6', validate);
  }
  return validate;
}

/** Validation errors as readable lines, for assertion messages. */
export function schemaErrors(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
