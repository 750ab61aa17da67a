import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'bench-results',
      'node_modules',
      'public',
      'models',
      'test-results',
      'playwright-report',
      '**/*.tmp.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The pure core must not reach into React, the DOM, tfjs, DuckDB or Node.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'core is pure: no React' },
            { group: ['@tensorflow/*'], message: 'core is pure: no tfjs' },
            { group: ['@duckdb/*', 'apache-arrow', 'hyparquet*'], message: 'core is pure: no DuckDB/Arrow' },
            { group: ['node:*'], message: 'core is pure: no Node APIs' },
            {
              group: ['**/adapters/**', '**/features/**', '**/app/**', '**/state/**'],
              message: 'core depends on nothing above it',
            },
          ],
        },
      ],
    },
  },
);
