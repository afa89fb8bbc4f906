import js from '@eslint/js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import importBoundaries from './eslint-rules/import-boundaries.mjs';
import noImportCycles from './eslint-rules/no-import-cycles.mjs';

const root = dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: {
      // The boundaries of docs/ARCHITECTURE.md: decided on resolved paths, cycles included.
      project: {
        rules: { 'import-boundaries': importBoundaries, 'no-import-cycles': noImportCycles },
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
      'project/import-boundaries': ['error', { root }],
      'project/no-import-cycles': ['error', { root }],
    },
  },
);
