// ESLint flat config. Module boundaries (STYLE rule 12): a service never imports another
// service, and libs never import services.
import tseslint from 'typescript-eslint';

const services = ['customers', 'complaints', 'returns', 'loyalty', 'gateway'];

const boundaryRules = services.map((service) => ({
  files: [`services/${service}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: services.filter((other) => other !== service).flatMap((other) => [`**/services/${other}/**`, `**/${other}/src/**`]),
            message: 'A service never imports another service: share through libs/contracts or messages.',
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.nx/**', 'jest.config.js', 'scripts/**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-console': 'error',
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/services/**'], message: 'Libraries never depend on services.' }] }],
    },
  },
  ...boundaryRules,
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
