import type { Language } from '../ir/types.js';

/** Each language's tree-sitter grammar (file name in tree-sitter-wasms/out) and source extensions. */
export const LANGUAGE_SPECS: Readonly<Record<Language, { readonly grammar: string; readonly extensions: readonly string[] }>> = {
  javascript: { grammar: 'tree-sitter-javascript.wasm', extensions: ['.js', '.mjs', '.cjs', '.jsx'] },
  typescript: { grammar: 'tree-sitter-typescript.wasm', extensions: ['.ts', '.mts', '.cts'] },
  tsx: { grammar: 'tree-sitter-tsx.wasm', extensions: ['.tsx'] },
  python: { grammar: 'tree-sitter-python.wasm', extensions: ['.py'] },
  java: { grammar: 'tree-sitter-java.wasm', extensions: ['.java'] },
  go: { grammar: 'tree-sitter-go.wasm', extensions: ['.go'] },
  php: { grammar: 'tree-sitter-php.wasm', extensions: ['.php'] },
  ruby: { grammar: 'tree-sitter-ruby.wasm', extensions: ['.rb'] },
  csharp: { grammar: 'tree-sitter-c_sharp.wasm', extensions: ['.cs'] },
};

export const LANGUAGES = Object.keys(LANGUAGE_SPECS) as Language[];

const BY_EXTENSION = new Map<string, Language>(
  LANGUAGES.flatMap((language) => LANGUAGE_SPECS[language].extensions.map((ext) => [ext, language] as const)),
);

/** The language of a file from its name; `.d.ts` declaration files carry no code and are left out. */
export function languageOfPath(path: string): Language | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1).toLowerCase();
  if (/\.d\.[mc]?ts$/.test(name)) return undefined;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return BY_EXTENSION.get(name.slice(dot));
}

/** Rule files name languages the way users do: `js`, `ts`, `py`, `c#`… */
const ALIASES: Readonly<Record<string, Language>> = {
  js: 'javascript',
  javascript: 'javascript',
  ts: 'typescript',
  typescript: 'typescript',
  tsx: 'tsx',
  py: 'python',
  python: 'python',
  java: 'java',
  go: 'go',
  golang: 'go',
  php: 'php',
  rb: 'ruby',
  ruby: 'ruby',
  cs: 'csharp',
  csharp: 'csharp',
  'c#': 'csharp',
};

export function languageOfName(name: string): Language | undefined {
  return ALIASES[name.toLowerCase()];
}
