import { describe, expect, it } from 'vitest';
import { composeFramework } from './framework.js';

describe('docker-compose framework', () => {
  it.each([
    ['docker-compose.yml', true],
    ['deploy/docker-compose.yaml', true],
    ['docker-compose.override.yml', true],
    ['docker-compose.prod.yaml', true],
    ['compose.yaml', true],
    ['compose.yml', true],
    ['my-docker-compose.yml', false],
    ['docker-compose.json', false],
    ['k8s/deployment.yaml', false],
  ])('claims %s: %s', (path, claimed) => {
    expect(composeFramework.claims(path)).toBe(claimed);
  });

  it('makes one target per service, named and placed at its key', () => {
    const text = ['version: "3.8"', 'services:', '  web:', '    image: nginx:1.27', '  db:', '    image: postgres:16.3', 'volumes:', '  data: {}'].join('\n');
    const parsed = composeFramework.parse(text, 'compose.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.targets.map((service) => [service.name, service.resource, service.node.line])).toEqual([
      ['web', 'service "web"', 3],
      ['db', 'service "db"', 5],
    ]);
  });

  it('has no targets for files without a services map, and reports malformed YAML', () => {
    expect(composeFramework.parse('version: "3"\n', 'compose.yaml').targets).toEqual([]);
    expect(composeFramework.parse('services: [a, b]\n', 'compose.yaml').targets).toEqual([]);
    const broken = composeFramework.parse('services:\n  web:\n    image: [unclosed\n', 'compose.yaml');
    expect(broken.targets).toEqual([]);
    expect(broken.problems.map((problem) => problem.code)).toEqual(['iac-unreadable']);
  });

  it('stops an alias bomb with a notice', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) lines.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    lines.push('services:', '  web:', '    image: nginx:1.27', '    environment: *i');
    const parsed = composeFramework.parse(lines.join('\n'), 'compose.yaml');
    expect(parsed.targets).toEqual([]);
    expect(parsed.problems[0]?.code).toBe('iac-unreadable');
  });

  it('never throws on services of unexpected shapes', () => {
    const text = [
      'services:',
      '  odd:',
      '    image: 42',
      '    privileged: yes',
      '    volumes: "/:/host"',
      '    ports: 5432',
      '    environment: "PASSWORD=x"',
      '    cap_add: SYS_ADMIN',
      '    security_opt: {seccomp: unconfined}',
      '    user: {name: root}',
      '    network_mode: [host]',
      '  nulls:',
      '    volumes: [null, ~, {source: null}]',
      '    ports: [null, {target: abc}, "::::"]',
      '    environment: [null, "=", {a: b}]',
    ].join('\n');
    const parsed = composeFramework.parse(text, 'compose.yaml');
    for (const rule of composeFramework.rules) for (const target of parsed.targets) expect(() => rule.check(target)).not.toThrow();
    expect(parsed.targets).toHaveLength(2);
  });
});
