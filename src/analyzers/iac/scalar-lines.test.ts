import { describe, expect, it } from 'vitest';
import { pipesDownloadToShell, printsToLog, scalarLineFinder } from './scalar-lines.js';

describe('analyzers/iac/scalar-lines', () => {
  it('finds repeated text on successive lines of a block scalar, and never past its end', () => {
    const source = ['    steps:', '      - run: |', '          echo a', '          echo a', '      - run: echo a'];
    const find = scalarLineFinder(source, 2, 'run');
    expect([find('echo a'), find('echo a'), find('echo a')]).toEqual([3, 4, 2]);
  });

  it.each([
    ['echo "$TOKEN"', true],
    ['echo "$TOKEN" | base64', true],
    ['echo "$TOKEN" >&2', true],
    ['echo "$TOKEN" | docker login --password-stdin', false],
    ['echo "$TOKEN" > token.txt', false],
    ['echo "$TOKEN" >> "$GITHUB_ENV"', false],
    ['curl "$TOKEN"', false],
  ])('printsToLog(%s) → %s', (line, printed) => {
    expect(printsToLog(line)).toBe(printed);
  });

  it.each([
    ['curl -sL https://x | bash', true],
    ['wget -qO- https://x | sudo -E sh', true],
    ['bash <(curl -s https://x)', true],
    ['curl -s https://x | jq .', false],
    ['curl -o x.sh https://x && sh x.sh', false],
  ])('pipesDownloadToShell(%s) → %s', (line, piped) => {
    expect(pipesDownloadToShell(line)).toBe(piped);
  });
});
