import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type TreeSitter from 'web-tree-sitter';
import type { Language } from '../ir/types.js';
import { LANGUAGE_SPECS } from './languages.js';

export type SyntaxNode = TreeSitter.SyntaxNode;
export type SyntaxTree = TreeSitter.Tree;

// Loaded through a require the bundler does not follow: web-tree-sitter finds its own
// tree-sitter.wasm beside its file on disk (through __dirname), which a bundled copy would lose.
const loadModule = createRequire(import.meta.url);

let runtime: Promise<typeof TreeSitter> | undefined;
const grammars = new Map<Language, Promise<TreeSitter.Language>>();
const loaded = new Map<Language, TreeSitter>();

function grammarPath(file: string): string {
  return join(dirname(loadModule.resolve('tree-sitter-wasms/package.json')), 'out', file);
}

async function loadRuntime(): Promise<typeof TreeSitter> {
  const Parser = loadModule('web-tree-sitter') as typeof TreeSitter;
  await Parser.init();
  return Parser;
}

/** Load the tree-sitter runtime (once per thread) and the grammars of `languages`. */
export async function initLanguages(languages: readonly Language[]): Promise<void> {
  runtime ??= loadRuntime();
  const Parser = await runtime;
  // One at a time: web-tree-sitter links each grammar's symbols into one shared table, and
  // concurrent loads race on it.
  for (const language of languages) {
    if (loaded.has(language)) continue;
    let grammar = grammars.get(language);
    if (!grammar) {
      grammar = Parser.Language.load(grammarPath(LANGUAGE_SPECS[language].grammar));
      grammars.set(language, grammar);
    }
    const parser = new Parser();
    parser.setLanguage(await grammar);
    if (!loaded.has(language)) loaded.set(language, parser);
  }
}

/** The parser of a language whose grammar `initLanguages` loaded; throws otherwise (a programming error). */
export function parserFor(language: Language): TreeSitter {
  const parser = loaded.get(language);
  if (!parser) throw new Error(`tree-sitter grammar for ${language} not loaded: call initLanguages first`);
  return parser;
}

export function isLanguageLoaded(language: Language): boolean {
  return loaded.has(language);
}
