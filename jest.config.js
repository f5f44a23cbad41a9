/** Three tiers: unit (pure, fast), int (real SQLite/Redis/PostgreSQL), e2e (the built server over HTTP). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@test/(.*)$': '<rootDir>/test/$1',
    '^@app/core/nest$': '<rootDir>/libs/core/src/nest',
    '^@app/core/testing$': '<rootDir>/libs/core/src/testing',
    '^@app/event-store/testing$': '<rootDir>/libs/event-store/src/testing',
    '^@app/(core|event-store|incidents|directory|access)$': '<rootDir>/libs/$1/src',
  },
  testEnvironment: 'node',
};

module.exports = {
  globalSetup: '<rootDir>/test/jest.global-setup.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test}/**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test}/**/*.int.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'] },
  ],
};
