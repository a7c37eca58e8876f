import type { Language } from '../types.js';
import type { LanguageHandlers } from './common.js';
import { CSHARP_HANDLERS } from './csharp.js';
import { GO_HANDLERS } from './go.js';
import { JAVA_HANDLERS } from './java.js';
import { JS_HANDLERS } from './javascript.js';
import { PHP_HANDLERS } from './php.js';
import { PYTHON_HANDLERS } from './python.js';
import { RUBY_HANDLERS } from './ruby.js';

/** One translator per language; JavaScript, TypeScript and TSX share one. */
export const HANDLERS: Readonly<Record<Language, LanguageHandlers>> = {
  javascript: JS_HANDLERS,
  typescript: JS_HANDLERS,
  tsx: JS_HANDLERS,
  python: PYTHON_HANDLERS,
  java: JAVA_HANDLERS,
  go: GO_HANDLERS,
  php: PHP_HANDLERS,
  ruby: RUBY_HANDLERS,
  csharp: CSHARP_HANDLERS,
};
