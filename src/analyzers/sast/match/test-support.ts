/** Test helpers: real source translated by the IR translators. */
import { translateSource } from '../ir/translate/index.js';
import type { Language, Module } from '../ir/types.js';
import { initLanguages } from '../parse/parser.js';

export async function loadLanguages(languages: readonly Language[]): Promise<void> {
  // One at a time: loading two grammars at once fails in web-tree-sitter 0.22.
  for (const l of languages) await initLanguages([l]);
}

export function parseModule(language: Language, path: string, code: string): Module {
  const r = translateSource(language, path, code);
  if (!r.module) throw new Error(`cannot translate ${path}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.module;
}
