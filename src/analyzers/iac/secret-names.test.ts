import { describe, expect, it } from 'vitest';
import { looksSecret } from './secret-names.js';

describe('analyzers/iac/secret-names', () => {
  it.each([
    ['DB_PASSWORD', true],
    ['CI_JOB_TOKEN', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['apiToken', true],
    ['SSH_PRIVATE_KEY', true],
    ['SECRET_DETECTION_DISABLED', false],
    ['TOKEN_URL', false],
    ['PASSWORD_FILE', false],
    ['TOKENIZER', false],
    ['CACHE_KEY', false],
    ['CI_COMMIT_SHA', false],
  ])('%s → %s', (name, secret) => {
    expect(looksSecret(name)).toBe(secret);
  });
});
