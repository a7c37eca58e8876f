import { describe, expect, it } from 'vitest';
import { TaintEnv } from './env.js';
import type { TaintSet } from './taint-set.js';

const T: TaintSet = new Map([['src', []]]);
const labels = (t: TaintSet): string[] => [...t.keys()];

describe('analyzers/sast/taint/env', () => {
  it('reads fields through their object and objects through their fields, but not sibling fields', () => {
    const env = new TaintEnv();
    env.write('o.cmd', T);
    expect(labels(env.read('o'))).toEqual(['src']);
    expect(labels(env.read('o.cmd'))).toEqual(['src']);
    expect(labels(env.read('o.safe'))).toEqual([]);
    expect(labels(env.readOwn('o'))).toEqual([]);
    env.write('o', new Map());
    expect(labels(env.read('o.cmd'))).toEqual([]);
  });

  it('keeps copies independent (copy-on-write) and merges branches', () => {
    const a = new TaintEnv();
    a.write('x', T);
    const b = a.copy();
    b.write('x', new Map());
    b.write('y', T);
    expect(labels(a.read('x'))).toEqual(['src']);
    expect(labels(a.read('y'))).toEqual([]);
    const c = a.copy();
    a.write('z', T);
    expect(labels(c.read('z'))).toEqual([]);
    c.mergeFrom(b);
    expect(labels(c.read('x'))).toEqual(['src']);
    expect(labels(c.read('y'))).toEqual(['src']);
    b.add('y', new Map([['p0', []]]));
    expect(labels(c.read('y'))).toEqual(['src']);
    expect(c.equals(c.copy())).toBe(true);
    expect(c.equals(a)).toBe(false);
  });
});
