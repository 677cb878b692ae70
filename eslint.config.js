import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // A React Compiler diagnostic; the app does not use the compiler.
      'react-hooks/incompatible-library': 'off',
      // The renderer is sandboxed web content: it reaches the desktop only through the preload
      // API behind renderer/platform, never through electron or node modules.
      'no-restricted-imports': restrict([
        { group: ['electron', 'node:*', '**/electron/**'], message: 'The renderer talks to the desktop only through renderer/platform.' },
      ]),
    },
  },
  {
    // Every word a person reads comes from the language resources (renderer/src/i18n/locales):
    // text between JSX tags and the attributes a person reads or hears. Punctuation, figures and
    // key names ("Ctrl+Enter") are the same in every language.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-text-only',
          'jsx-attributes': { include: ['^(label|placeholder|title|aria-label|alt|description|error|message|tooltip|confirmLabel|cancelLabel|nothingFoundMessage)$'] },
          words: { exclude: ['^[\\s\\d.,;:·•—–()\\[\\]/#+×%…|→›-]*$', '^((Ctrl|Alt|Shift|Enter|Esc|Tab|⌘|[A-Z0-9])[+/]?)+$'] },
        },
      ],
    },
  },
  {
    // Only the data layer touches IndexedDB; components read through its hooks and commands.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/data/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'node:*', '**/electron/**'], message: 'The renderer talks to the desktop only through renderer/platform.' },
        { group: ['dexie', 'dexie-react-hooks'], message: 'Only renderer/src/data imports dexie.' },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/renderer/**'], message: 'Electron code never imports renderer code.' }]),
    },
  },
  {
    // The company server runs on Node; it shares only core/ with the app.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'dexie', 'dexie-react-hooks', 'react', 'react-dom', '**/renderer/**', '**/electron/**'], message: 'server/ may import core/, never app code.' },
      ]),
    },
  },
  {
    // Code shared by every runtime stays free of runtime-specific modules.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'node:*', 'dexie', 'react', '**/renderer/**', '**/electron/**'], message: 'core/ is shared by all runtimes.' },
      ]),
    },
  },
);
