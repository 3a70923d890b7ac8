// Lint: typescript-eslint's recommended rules plus the layering of the house:
// shared/ imports neither side, main/core imports no electron, renderer/ imports only shared/.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'bench-results/**', '**/.stress-bundle-*/**', '.prof/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render HTML strings: build React elements.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never assign innerHTML.' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '../main/*', '../../main/*'], message: 'shared/ must not import from main/.' },
            { group: ['**/renderer/**', '../renderer/*'], message: 'shared/ must not import from renderer/.' },
            { group: ['electron', 'react', 'react-dom', 'better-sqlite3', ...nodeBuiltins], message: 'shared/ is pure: no Node, DOM, Electron or React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/db/**/*.ts', 'main/web/**/*.ts', 'main/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The core runs without Electron: only main/electron and main/ipc/electron-ipc.ts may import it.' },
            { group: ['**/renderer/**'], message: 'main/ must not import from renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '../main/*', '../../main/*'], message: 'renderer/ talks to main only through api.ts and the shared contract.' },
            { group: ['electron', 'better-sqlite3', ...nodeBuiltins], message: 'No Node or Electron in the renderer.' },
            {
              group: ['**/shared/contract', '**/shared/contract.js', '**/shared/contract-*'],
              allowTypeImports: true,
              message: 'Only types from the contract: its zod schemas must stay out of the renderer bundle (zod probes eval, which the CSP reports).',
            },
          ],
        },
      ],
    },
  },
);
