import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type TreeSitter from 'web-tree-sitter';
import type { Language } from '../ir/types.js';
import { LANGUAGE_SPECS } from './languages.js';
import { lightTree, type CursorCalls, type LightNode } from './light-tree.js';

/** What the translators walk: a tree copied out of tree-sitter (see light-tree.ts). */
export type SyntaxNode = LightNode;
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

// The Emscripten module behind web-tree-sitter: its exported cursor functions, called directly,
// skip the JavaScript wrappers' marshalling (see light-tree.ts). Unset if another caller started
// the runtime first; the walk then goes through the public cursor API.
let emscripten: Record<string, unknown> | undefined;
let calls: CursorCalls | undefined;

async function loadRuntime(): Promise<typeof TreeSitter> {
  const Parser = loadModule('web-tree-sitter') as typeof TreeSitter;
  // Emscripten calls each preRun hook with its module object.
  await Parser.init({ preRun: [(module: Record<string, unknown>) => (emscripten = module)] });
  return Parser;
}

type WasmCall = (tree: number) => number;

/** The direct cursor calls, looked up once (after one use of each through the public API). */
function cursorCalls(tree: SyntaxTree): CursorCalls | undefined {
  if (calls || !emscripten) return calls;
  const module = emscripten;
  // Emscripten's exports start as stubs that replace themselves with the WebAssembly function on
  // first call: call each once through the public cursor so that the lookups below get the real ones.
  const warm = tree.walk();
  warm.gotoFirstChild();
  warm.gotoNextSibling();
  warm.gotoParent();
  void [warm.nodeTypeId, warm.currentFieldId, warm.startIndex, warm.endIndex, warm.nodeIsNamed];
  warm.delete();
  const fn = (name: string): WasmCall | undefined => (typeof module[name] === 'function' ? (module[name] as WasmCall) : undefined);
  const init = module._ts_init as (() => number) | undefined;
  const found = {
    firstChild: fn('_ts_tree_cursor_goto_first_child_wasm'),
    nextSibling: fn('_ts_tree_cursor_goto_next_sibling_wasm'),
    parent: fn('_ts_tree_cursor_goto_parent_wasm'),
    typeId: fn('_ts_tree_cursor_current_node_type_id_wasm'),
    fieldId: fn('_ts_tree_cursor_current_field_id_wasm'),
    startIndex: fn('_ts_tree_cursor_start_index_wasm'),
    endIndex: fn('_ts_tree_cursor_end_index_wasm'),
    isNamed: fn('_ts_tree_cursor_current_node_is_named_wasm'),
  };
  const complete = Object.values(found).every((f) => f !== undefined) && typeof init === 'function' && module.HEAP32 instanceof Int32Array;
  if (!complete) {
    emscripten = undefined;
    return undefined;
  }
  calls = { ...(found as Record<keyof typeof found, WasmCall>), transferBuffer: init(), heap: () => module.HEAP32 as Int32Array };
  return calls;
}

/** The tree as light nodes (the tree itself can be deleted afterwards). */
export function lightRoot(tree: SyntaxTree, source: string): SyntaxNode {
  return lightTree(tree, source, cursorCalls(tree));
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
