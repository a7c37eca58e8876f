import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages } from '../match/test-support.js';
import { focus, runOn, taintRule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['python', 'javascript']);
});

const rule = taintRule('python', {
  sources: ['request.args'],
  sinks: ['os.system(...)', focus('$C.execute($Q, ...)', '$Q')],
});

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('analyzers/sast/taint: bounded cost on hostile input', () => {
  it('analyses a 50,000-line generated file with chains of calls in bounded time', () => {
    const parts: string[] = ['import os\nfrom flask import request\n'];
    for (let i = 0; i < 5000; i++) {
      parts.push(`def f${i}(x, y):\n    a = x + "-${i}"\n    if y:\n        a = f${i + 1}(a, y)\n    for k in range(3):\n        a += str(k)\n    b = [a, y]\n    c = {"k": b}\n    return c["k"]\n`);
    }
    parts.push('def view():\n    os.system(f0(request.args["x"], 1))\n');
    const code = parts.join('');
    expect(code.split('\n').length).toBeGreaterThan(45_000);
    let found: ReturnType<typeof runOn> = [];
    const ms = cpuMs(() => {
      found = runOn(rule, { 'big.py': code });
    });
    expect(found.map((f) => f.line)).toEqual([code.split('\n').length - 1]);
    expect(ms).toBeLessThan(20_000);
  });

  it('survives deeply nested expressions and statements', () => {
    const depth = 3000;
    const open = Array.from({ length: depth / 50 }, () => '('.repeat(50)).join('\n');
    const close = Array.from({ length: depth / 50 }, () => ')'.repeat(50)).join('\n');
    const expr = `${open}request.args["x"]${close}`;
    const terms = Array.from({ length: 5000 }, (_, i) => `"p${i}"`);
    const concat = `(\n${Array.from({ length: 250 }, (_, i) => `        ${terms.slice(i * 20, i * 20 + 20).join(' + ')}`).join(' +\n')}\n    )`;
    let nested = 'os.system(v)\n';
    for (let i = 0; i < 200; i++) nested = `if c${i}:\n${nested.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n')}`;
    const code = `import os\ndef a():\n    v = ${expr}\n    w = ${concat} + v\n    os.system(w)\ndef b(c0):\n    v = request.args["y"]\n${nested.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n')}\n`;
    let found: ReturnType<typeof runOn> = [];
    const ms = cpuMs(() => {
      found = runOn(rule, { 'deep.py': code });
    });
    expect(ms).toBeLessThan(20_000);
    // The deep `if` chain still reports its sink; the flow through the 3000 parentheses may be cut off by the depth limit.
    expect(found.some((f) => f.text === 'os.system(v)')).toBe(true);
  });

  it('survives invalid syntax', () => {
    const code = 'def a(:\n    v = request.args["x"\n    os.system(v)\n)))\nclass :\n';
    expect(() => runOn(rule, { 'bad.py': code })).not.toThrow();
  });
});
