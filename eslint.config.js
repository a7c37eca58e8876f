import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Dependencies point one way (style.md §2.1): core ← lockfiles, versions, advisories, formats,
// config ← analyzers ← engine ← cli.
const layer = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((name) => ({ group: [`**/${name}/**`, `**/${name}.js`], message: `This layer must not import from ${name}/.` })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/.cache/**', '**/__fixtures__/**', 'coverage/**', 'dist/web/**', 'src/analyzers/sast/rules/*/**', 'test/fixtures/sast-project/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  // The web UI runs in the browser; it may import the server's schemas for their types only.
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', navigator: 'readonly', HTMLElement: 'readonly', HTMLDialogElement: 'readonly', HTMLDivElement: 'readonly', Blob: 'readonly', URLSearchParams: 'readonly', KeyboardEvent: 'readonly', MouseEvent: 'readonly', Node: 'readonly', Response: 'readonly', RequestInit: 'readonly', AbortSignal: 'readonly', AbortController: 'readonly', performance: 'readonly', requestAnimationFrame: 'readonly', localStorage: 'readonly', Image: 'readonly' },
    },
    rules: { ...reactHooks.configs.recommended.rules, '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }] },
  },
  layer(['src/core/**/*.ts'], ['engine', 'analyzers', 'cli', 'server', 'formats', 'config', 'util']),
  layer(['src/formats/**/*.ts', 'src/config/**/*.ts', 'src/util/**/*.ts'], ['engine', 'analyzers', 'cli', 'server']),
  layer(['src/lockfiles/**/*.ts', 'src/versions/**/*.ts'], ['engine', 'analyzers', 'cli', 'server', 'formats', 'advisories']),
  layer(['src/advisories/**/*.ts'], ['engine', 'analyzers', 'cli', 'server', 'formats', 'lockfiles']),
  layer(['src/analyzers/**/*.ts'], ['cli', 'server']),
  layer(['src/engine/**/*.ts'], ['cli', 'server']),
  layer(['src/server/**/*.ts'], ['engine', 'analyzers', 'cli']),
);
