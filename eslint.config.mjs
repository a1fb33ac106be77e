// ESLint flat config. Module boundaries (STYLE rule 12) come from the Nx project tags in the
// project.json files (scripts/workspace-projects.js reads them): a project may import only the
// projects whose type its own type allows — a service never imports another service, and libs
// never import services. A new project without a `type:*` tag fails here.
import tseslint from 'typescript-eslint';
import workspace from './scripts/workspace-projects.js';

const { readProjects, tagValue, TAGS } = workspace;

/** Which project types each project type may import (by relative path; libs go through `@crm/*`). */
const MAY_IMPORT = {
  lib: ['lib'],
  service: ['lib'],
  e2e: ['lib', 'service'],
  tooling: ['lib'],
};

const projects = readProjects();
const typeOf = (project) => {
  const type = tagValue(project, 'type');
  if (!(type in MAY_IMPORT))
    throw new Error(`${project.root}/project.json: tag type:${type} is not one of ${Object.keys(MAY_IMPORT).join(', ')}`);
  return type;
};

// Test-support libs (`lib:test-support`, e.g. @crm/testing) serve tests only and have no build
// target: the production code (src/, not specs) of services and libs never imports them.
const testSupport = projects.filter((project) => project.tags.includes(TAGS.testSupport));

const boundaryRules = projects.flatMap((project) => {
  const allowed = MAY_IMPORT[typeOf(project)];
  const forbidden = projects.filter((other) => other !== project && !allowed.includes(typeOf(other)));
  const patterns = forbidden.map((other) => ({
    // `**/services/returns/**` from anywhere, `**/returns/src/**` for a sibling's `../../returns/src/…`.
    group: [`**/${other.root}/**`, `**/${other.root.split('/').pop()}/src/**`],
    message:
      typeOf(other) === 'service'
        ? `${project.name} (type:${typeOf(project)}) never imports the ${other.name} service: share through libs/contracts or messages.`
        : `${project.name} (type:${typeOf(project)}) may not import ${other.name} (type:${typeOf(other)}).`,
  }));
  const rule = (extra) => ({ 'no-restricted-imports': ['error', { patterns: [...patterns, ...extra] }] });
  const blocks = [{ files: [`${project.root}/**/*.ts`], rules: rule([]) }];
  const shipped = ['service', 'lib'].includes(typeOf(project)) && !project.tags.includes(TAGS.testSupport);
  if (shipped && testSupport.length > 0) {
    blocks.push({
      files: [`${project.root}/src/**/*.ts`],
      ignores: ['**/*.spec.ts'],
      rules: rule([
        {
          group: testSupport.flatMap((lib) => [`@crm/${lib.name}`, `**/${lib.root}/**`]),
          message: 'Production code never imports a test-support lib (tagged lib:test-support); tests and bench/ may.',
        },
      ]),
    });
  }
  return blocks;
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.nx/**', 'tmp/**', 'jest.config.js', 'scripts/**/*.mjs'] },
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
  ...boundaryRules,
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Plain CommonJS on purpose: loaded by this config, jest.config.js and the built start script.
    files: ['scripts/workspace-projects.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
