import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// Import direction, one way: core ← adapters ← queries | state ← components ← features ← app.
// The Node and tool entry points use core and adapters (and each other), never the React layers.
const REACT_LAYERS = ['queries', 'state', 'components', 'features', 'app'];
const TOOLS = ['cli', 'train', 'bench', 'scripts'];
const FEATURES = readdirSync(new URL('./src/features/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const under = (folders) => folders.map((f) => `**/${f}/**`);
const NO_TOOLS = [
  under(TOOLS),
  'the React layers never import a Node/tool entry point (cli, train, bench, scripts)',
];

/** `no-restricted-imports` for one layer; each ban is [import patterns, message]. */
const layer = (files, bans) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: bans.map(([group, message]) => ({ group, message })) }],
  },
});

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
              group: under(['adapters', ...REACT_LAYERS, ...TOOLS]),
              message: 'core depends on nothing above it',
            },
          ],
        },
      ],
    },
  },
  layer(
    ['src/adapters/**/*.{ts,tsx}'],
    [
      [under(REACT_LAYERS), 'adapters sit below queries, state, components, features and app'],
      [
        under(TOOLS),
        'adapters serve the app and the tools alike: they never import cli, train, bench or scripts',
      ],
    ],
  ),
  layer(
    ['src/queries/**/*.{ts,tsx}'],
    [
      [under(['state']), 'queries and state are siblings: neither imports the other'],
      [under(['components', 'features', 'app']), 'queries sit below components, features and app'],
      NO_TOOLS,
    ],
  ),
  layer(
    ['src/state/**/*.{ts,tsx}'],
    [
      [under(['queries']), 'queries and state are siblings: neither imports the other'],
      [under(['components', 'features', 'app']), 'state sits below components, features and app'],
      NO_TOOLS,
    ],
  ),
  layer(
    ['src/components/**/*.{ts,tsx}'],
    [
      [
        under(['features', 'app']),
        'components are shared by the features: they never import a feature or app',
      ],
      NO_TOOLS,
    ],
  ),
  ...FEATURES.map((name) =>
    layer(
      [`src/features/${name}/**/*.{ts,tsx}`],
      [
        [
          FEATURES.filter((f) => f !== name).flatMap((f) => [`../${f}/**`, `**/features/${f}/**`]),
          'a feature never imports another feature: move what they share to components, queries, state or core',
        ],
        [under(['app']), 'features never import app (app imports the pages)'],
        NO_TOOLS,
      ],
    ),
  ),
  layer(['src/app/**/*.{ts,tsx}'], [NO_TOOLS]),
  layer(
    ['src/cli/**/*.ts', 'src/train/**/*.ts', 'src/bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    [
      [
        under(REACT_LAYERS),
        'Node/tool entry points use core and adapters, never queries, state, components, features or app',
      ],
    ],
  ),
);
