import { defineDastRule, type DastRuleMeta } from '../checks/types.js';

export const fuzzServerError = defineDastRule({
  id: 'api-fuzzing-server-error',
  title: 'Unhandled server error on malformed input',
  description: 'A request with an out-of-range, wrongly typed or badly encoded value made the API fail with a 5xx status instead of rejecting the input; such failures often hide crashes, injection points or denial of service.',
  severity: 'medium',
  cwe: [20, 755],
  owasp: ['A04:2021'],
  references: ['https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/'],
  remediation: 'Validate every parameter against its declared schema and answer bad input with 400; handle exceptions so none escapes as a 500.',
});

export const fuzzStackTrace = defineDastRule({
  id: 'api-fuzzing-stack-trace',
  title: 'Stack trace returned on malformed input',
  description: 'A malformed request made the API return a stack trace, which reveals code paths, library versions and internals.',
  severity: 'medium',
  cwe: [209],
  owasp: ['A05:2021'],
  references: ['https://owasp.org/www-community/Improper_Error_Handling'],
  remediation: 'Return a generic error body; log details on the server only.',
});

export const fuzzSchemaViolation = defineDastRule({
  id: 'api-fuzzing-schema-violation',
  title: 'Response does not match the API description',
  description: 'The API answered with a status or a body its description does not declare, so clients built from the description will mishandle it; it often marks unvalidated input reaching code that did not expect it.',
  severity: 'low',
  confidence: 'medium',
  cwe: [20],
  owasp: ['A04:2021'],
  references: ['https://spec.openapis.org/oas/v3.1.0#responses-object'],
  remediation: 'Validate input so that only declared responses occur, or declare the responses the API really gives.',
});

export function fuzzRules(): DastRuleMeta[] {
  return [fuzzServerError, fuzzStackTrace, fuzzSchemaViolation];
}
