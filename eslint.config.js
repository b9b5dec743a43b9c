// One lint config for the whole repository. The dependency rules below are the architecture:
// apps → knowledge → engine, and the engine imports nothing of ours and no platform API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'https',
  'net',
  'url',
  'crypto',
  'stream',
  'util',
  'process',
];
const noNodeHere = (why) => [
  { group: ['node:*'], message: why },
  ...nodeBuiltins.map((name) => ({ group: [name, `${name}/*`], message: why })),
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'docs/schemas/**',
      'data/**',
      '**/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeHere('The engine must run in the browser and in workers: no Node APIs here.'),
            {
              group: ['@tulay/*', '../../*'],
              message: 'The engine is the bottom layer: it imports nothing of ours.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The engine must run in the browser: no process here.' },
        { name: 'window', message: 'The engine must run in Node too: no DOM here.' },
        { name: 'document', message: 'The engine must run in Node too: no DOM here.' },
        { name: 'fetch', message: 'The engine does no I/O: the caller passes the data in.' },
      ],
    },
  },
  {
    files: ['packages/knowledge/src/**/*.ts'],
    ignores: ['packages/knowledge/src/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeHere(
              'The knowledge loader runs in the browser too: file access belongs in src/node/.',
            ),
            {
              group: ['@tulay/cli', '@tulay/cli/*'],
              message: 'Dependencies point down: knowledge must not import apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/knowledge/src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tulay/cli', '@tulay/cli/*'],
              message: 'Dependencies point down: knowledge must not import apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/store/src/**/*.ts'],
    ignores: [
      'packages/store/src/open-store.ts',
      'packages/store/src/sqlite/**',
      'packages/store/src/postgres/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sqlite/*', '**/postgres/*'],
              message:
                'One adapter per database: only open-store.ts chooses one; the rest of the store speaks Kysely.',
            },
            {
              group: ['@tulay/server', '@tulay/cli', '@tulay/web'],
              message: 'Dependencies point down: the store must not import apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/routes/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tulay/store', '@tulay/store/*'],
              message:
                'Routes stay thin: validate, authorise, call a use case; storage belongs to use cases.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/simulation/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tulay/server', '@tulay/cli', '@tulay/web'],
              message: 'Dependencies point down: packages must not import apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/store/src/vocabulary.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noNodeHere('The web app imports this module: it must run in the browser.'),
            {
              group: ['@tulay/*', './*', '../*'],
              message: 'The shared vocabularies import nothing, so the browser gets nothing else.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@tulay/store(?!/vocabulary$)',
              message:
                'The browser takes only the store’s vocabularies (@tulay/store/vocabulary), never its database code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'scripts/**/*.ts', '**/bench/**/*.ts', 'apps/cli/bin/**'],
    rules: { 'no-console': 'off' },
  },
);
