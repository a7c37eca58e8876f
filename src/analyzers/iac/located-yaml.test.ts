import { describe, expect, it } from 'vitest';
import { parseYamlDocuments } from './located-yaml.js';

describe('parseYamlDocuments', () => {
  it('gives every value the line of its key, through maps and sequences, in each document', () => {
    const { documents, problems } = parseYamlDocuments('kind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        privileged: true\n---\nkind: Service\n', 'pod.yaml');
    expect(problems).toEqual([]);
    expect(documents).toHaveLength(2);
    const privileged = documents[0]!.at('spec', 'containers', 0, 'securityContext', 'privileged')!;
    expect(privileged.line).toBe(6);
    expect(privileged.isTrue()).toBe(true);
    expect(documents[0]!.at('spec', 'containers', 0, 'name')!.str()).toBe('app');
    expect(documents[1]!.get('kind')!.line).toBe(8);
    expect(documents[0]!.at('spec', 'missing', 'deeper')).toBeUndefined();
  });

  it('follows anchors and aliases', () => {
    const { documents } = parseYamlDocuments('base: &b\n  privileged: true\nother: *b\n', 'a.yaml');
    expect(documents[0]!.at('other', 'privileged')!.isTrue()).toBe(true);
  });

  it('stops a billion-laughs document with a notice, quickly', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let previous = 'a';
    for (let i = 0; i < 9; i++) {
      text += `b${i}: &b${i} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
      previous = `b${i}`;
    }
    const started = Date.now();
    const { documents, problems } = parseYamlDocuments(text, 'bomb.yaml');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(documents).toEqual([]);
    expect(problems[0]?.message).toMatch(/bomb\.yaml: .*alias/i);
  });

  it('reports malformed YAML with its line and keeps the other documents', () => {
    const { documents, problems } = parseYamlDocuments('kind: Pod\n---\nkey: [unclosed\n---\nkind: Service\n', 'mixed.yaml');
    expect(documents.map((d) => d.get('kind')?.str())).toEqual(['Pod', 'Service']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/mixed\.yaml:\d+: not valid YAML/);
  });

  it('refuses a file over 20 MB without parsing it', () => {
    const { documents, problems } = parseYamlDocuments(`a: "${'x'.repeat(21 * 1024 * 1024)}"\n`, 'huge.yaml');
    expect(documents).toEqual([]);
    expect(problems[0]!.code).toBe('iac-file-too-large');
  });
});
