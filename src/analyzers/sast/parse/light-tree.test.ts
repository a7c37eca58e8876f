import { beforeAll, describe, expect, it } from 'vitest';
import type TreeSitter from 'web-tree-sitter';
import type { Language } from '../ir/types.js';
import { lightTree, type LightNode } from './light-tree.js';
import { initLanguages, lightRoot, parserFor } from './parser.js';

const SAMPLES: Record<string, [Language, string]> = {
  python: ['python', 'import os.path as p\n\nclass A(B):\n    def f(self, x=1, *a, **k):  # c\n        """doc"""\n        return p.join(x, f"{x!r}é", k=[1, 2])\n\nr = (\n  1 +\n  2\n)\n'],
  javascript: ['javascript', "const { exec: run } = require('child_process');\nclass C { x = 1; m(a, ...b) { return run(`ls ${a}`, b?.c ?? 'd'); } }\n// é\n"],
  typescript: ['typescript', 'interface I { a: string; b(x: number): void }\nlet x: ReturnType<typeof net.createConnection> = f<T>(1) as any;\n'],
  java: ['java', 'class A { @Inject String s = "x"; void m(int a) { if (a > 1) { s += a; } else { this.m(a - 1); } } }\n'],
  php: ['php', '<?php\necho "a{$_GET[\'x\']}";\nprint $y;\n$o->m(1, ...$r);\n'],
  broken: ['python', 'def f(:\n    return 1 +\n\nx = [1, 2\n'],
};

/** Everything the translators read, from the web-tree-sitter node API, as one comparable value. */
function viaNodeApi(node: TreeSitter.SyntaxNode, fields: readonly string[]): unknown {
  return {
    type: node.type,
    named: node.isNamed,
    range: [node.startIndex, node.endIndex, node.startPosition, node.endPosition],
    text: node.text,
    fields: Object.fromEntries(fields.map((f) => [f, node.childrenForFieldName(f).map((c) => c.startIndex)])),
    children: node.children.map((c) => viaNodeApi(c, fields)),
  };
}

function viaLight(node: LightNode, fields: readonly string[]): unknown {
  return {
    type: node.type,
    named: node.isNamed,
    range: [node.startIndex, node.endIndex, node.startPosition, node.endPosition],
    text: node.text,
    fields: Object.fromEntries(fields.map((f) => [f, node.childrenForFieldName(f).map((c) => c.startIndex)])),
    children: node.children.map((c) => viaLight(c, fields)),
  };
}

const fieldsOf = (tree: TreeSitter.Tree): string[] => (tree.getLanguage() as unknown as { fields: (string | null)[] }).fields.filter((f): f is string => f !== null);

describe('analyzers/sast/parse/light-tree', () => {
  beforeAll(async () => {
    for (const language of ['python', 'javascript', 'typescript', 'java', 'php'] as const) await initLanguages([language]);
  });

  for (const [name, [language, code]] of Object.entries(SAMPLES)) {
    it(`${name}: the copied tree reads as the tree-sitter one (types, ranges, rows and columns, text, fields)`, () => {
      const tree = parserFor(language).parse(code);
      try {
        const fields = fieldsOf(tree);
        const direct = lightRoot(tree, code);
        expect(viaLight(direct, fields)).toEqual(viaNodeApi(tree.rootNode, fields));
        // The public-cursor walk (used when the runtime was started elsewhere) gives the same tree.
        expect(viaLight(lightTree(tree, code, undefined), fields)).toEqual(viaLight(direct, fields));
        expect(direct.hasError).toBe(tree.rootNode.hasError);
      } finally {
        tree.delete();
      }
    });
  }

  it('childForFieldName is the first child in the field, namedChildren leave out punctuation', () => {
    const code = 'f(a, b=1)\n';
    const tree = parserFor('python').parse(code);
    const call = lightRoot(tree, code).namedChildren[0]?.namedChildren[0];
    tree.delete();
    expect(call?.type).toBe('call');
    expect(call?.childForFieldName('function')?.text).toBe('f');
    expect(call?.childForFieldName('arguments')?.namedChildren.map((c) => c.text)).toEqual(['a', 'b=1']);
    expect(call?.childForFieldName('nope')).toBeNull();
  });

  it('a syntax error is found with its line', () => {
    const [language, code] = SAMPLES.broken as [Language, string];
    const tree = parserFor(language).parse(code);
    const root = lightRoot(tree, code);
    tree.delete();
    const errors = root.descendantsOfType('ERROR');
    expect(root.hasError).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => `${e.startPosition.row}:${e.text}`)).toEqual(['1:return 1 +', '3:x = [1, 2']);
  });

  it('a comment in an interface body is a comment (the node API calls it an empty interface_body)', () => {
    const code = 'interface I { a: string; /* c */ b(): void }\n';
    const tree = parserFor('typescript').parse(code);
    const body = lightRoot(tree, code).namedChildren[0]?.childForFieldName('body');
    expect(tree.rootNode.namedChildren[0]?.childForFieldName('body')?.namedChildren.map((c) => c.type)).toContain('interface_body');
    tree.delete();
    expect(body?.namedChildren.map((c) => c.type)).toEqual(['property_signature', 'comment', 'method_signature']);
  });
});
