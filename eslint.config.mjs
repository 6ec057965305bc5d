// @ts-check
import js from '@eslint/js';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '**/node_modules/**', '.data/**', 'coverage/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  {
    // The domain core is pure: no clock, no randomness, no environment, no I/O, no Azure SDKs.
    files: ['shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@azure/*',
            'durable-functions',
            'node:*',
            'fs',
            'path',
            'http',
            'https',
            '../../adapters/*',
            '../adapters/*',
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is an input in the domain.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is an input in the domain.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Randomness is an input in the domain.',
        },
        {
          selector: "MemberExpression[object.name='process']",
          message: 'The domain does not read the process or its environment.',
        },
      ],
    },
  },
  {
    // Handlers parse and map; the use cases decide (admission is `use-cases/request-operation`). Handlers and
    // function registrations may use the domain's types, names and schemas, never its decision code.
    files: ['shared/handlers/**/*.ts', 'functions/**/*.ts'],
    ignores: ['functions/migration-scope.entity.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/domain/migration/migration.machine',
                '**/domain/migration/migration.refusals',
                '**/domain/migration/scope-entity.reducer',
                '**/domain/scope/scope-contents',
                '**/domain/validation/*',
                '!**/domain/validation/scope-not-found',
                '**/domain/validation/rules/*',
                '**/domain/batch/batch-*',
                '**/domain/chat/{chat-roles,chat-user,approval,chat-conversation,next-steps}',
                '**/use-cases/request-operation/enqueue-operation',
              ],
              allowTypeImports: true,
              message:
                'Handlers decide nothing: call a use case (admission: use-cases/request-operation) and map its result.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
