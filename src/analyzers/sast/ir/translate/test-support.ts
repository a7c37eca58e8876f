import { initLanguages } from '../../parse/parser.js';
import type { Language, Module, Stmt } from '../types.js';
import { translateSource } from './index.js';

/** Test helper: translate code and drop spans, so assertions read as IR shapes. */
export async function irOf(language: Language, code: string): Promise<Stmt[]> {
  await initLanguages([language]);
  const result = translateSource(language, `a.${language}`, code);
  if (!result.module) throw new Error(`not translated: ${JSON.stringify(result.problems)}`);
  return withoutSpans(result.module.body) as Stmt[];
}

export async function moduleOf(language: Language, code: string, path = `a.${language}`): Promise<Module> {
  await initLanguages([language]);
  const result = translateSource(language, path, code);
  if (!result.module) throw new Error(`not translated: ${JSON.stringify(result.problems)}`);
  return result.module;
}

export function withoutSpans(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) => (key === 'span' || key === 'raw' ? undefined : v));
}
