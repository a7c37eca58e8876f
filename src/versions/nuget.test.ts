import { describe, expect, it } from 'vitest';
import { describeOrderingTable } from '../../test/version-table.js';
import { nugetScheme as scheme } from './nuget.js';

describe('versions/nuget', () => {
  describeOrderingTable(scheme, new URL('./__fixtures__/nuget.txt', import.meta.url), 8);

  it('rejects what NuGet does not accept', () => {
    for (const version of ['', 'a.b', '1.0.0.0.0', '1.0.0-', '1.0.0-beta..1', '1.0.0-beta_1', '1.0.0+', '2147483648.0.0', '[1.0,2.0)', '1.0.*']) {
      expect(scheme.isValid(version), version).toBe(false);
    }
  });
});
