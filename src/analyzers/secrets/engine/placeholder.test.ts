import { describe, expect, it } from 'vitest';
import { isPlaceholderSecret } from './placeholder.js';

describe('analyzers/secrets/engine/placeholder', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'sk_live_0000000000000000000000',
    '${GITHUB_TOKEN}',
    '{{ .Values.token }}',
    '<your-api-key>',
    'YOUR_API_KEY_HERE',
    'abcdef0123456789abcdef0123456789',
    '**********',
    'glpat-1a2b3c4d5e6f7g8h9i0j',
    'sk_live_ThisIsNotARealKeyButLooksLikeOne',
    'qrstuvwxyz0123456789ABCD',
  ])('treats %s as a placeholder', (value) => {
    expect(isPlaceholderSecret(value)).toBe(true);
  });

  it.each(['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', 'AKIA2E0A8F3B244C9986', 'Xk9#mQ2$vL7!pR4w'])(
    'keeps %s',
    (value) => {
      expect(isPlaceholderSecret(value)).toBe(false);
    },
  );
});
