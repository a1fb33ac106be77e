// Jest projects: `unit` (pure, parallel), `integration` and `e2e` (real PostgreSQL + RabbitMQ,
// in band), `chaos` (stops and starts the servers; always alone, in band). See README "Tests".
// Jest ignores `testTimeout` inside projects: scripts/test.mjs passes it on the command line.
const swcConfig = {
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
};

// The `@crm/*` aliases have one home, tsconfig.base.json's `paths` (scripts/service-list.spec.ts
// checks .swcrc against it): a new lib needs no change here.
const { compilerOptions } = JSON.parse(require('node:fs').readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swcConfig] },
  // NestJS 12 and a few of its dependencies are ESM-only: let SWC turn them into CommonJS (NOTES.md).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|content-disposition|file-type|load-esm|uid|strtok3|token-types|@tokenizer|uint8array-extras)/)',
  ],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{libs,services}/**/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/**/test/**/*.int-spec.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{libs,services}/**/test/**/*.e2e-spec.ts', '<rootDir>/e2e/**/*.e2e-spec.ts'],
    },
    {
      ...base,
      displayName: 'chaos',
      testMatch: ['<rootDir>/{libs,services}/**/test/**/*.chaos-spec.ts', '<rootDir>/e2e/**/*.chaos-spec.ts'],
    },
    // Issue 11's fault suite: the whole suite as processes, servers stopped and processes killed
    // under load, each scenario ending with the lost/duplicated/unexpected checker (always in band).
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/e2e/faults/**/*.fault-spec.ts'] },
  ],
};
