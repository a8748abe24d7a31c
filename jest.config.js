/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 30000,
  // A throwaway PostgreSQL cluster for the PostgreSQL store's tests (test/store/postgres/server.ts).
  globalSetup: '<rootDir>/test/store/postgres/global-setup.ts',
  globalTeardown: '<rootDir>/test/store/postgres/global-teardown.ts',
};
