import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const forbiddenInShared = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'electron', 'react', 'react-dom', 'knex', 'ioredis', 'express', 'better-sqlite3', 'mysql2', 'socket.io', 'pino'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/out/**', '**/coverage/**', '**/test-results/**', '**/playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // shared/ is the pure core used by the server and the studio: no I/O, no platform modules.
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forbiddenInShared, message: 'shared/ is pure TypeScript: no node, electron, react, knex, ioredis or express.' },
            { group: ['@promo/server', '@promo/desktop'], message: 'shared/ must not import the packages that depend on it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'The engine takes `now` as an argument.' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
