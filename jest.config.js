/** One Jest run for the whole monorepo: unit specs beside the code, medium specs of each
 * service against real Postgres and Redis, end-to-end specs in test/. */
const libs = ['contracts', 'platform', 'messaging', 'auth', 'scheduler', 'content-policy'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/.data/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((lib) => [`^#${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`])),
    '^#infra$': '<rootDir>/tools/infra/src/index.ts',
    '^#stand-ins$': '<rootDir>/tools/stand-ins/src/index.ts',
    '^#testing$': '<rootDir>/test/support/index.ts',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  maxWorkers: 2,
  // Medium and end-to-end specs wait on real Postgres, Redis and queues.
  testTimeout: 30_000,
};
