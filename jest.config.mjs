/** Jest 30 with native ESM and SWC; every test file gets its own temporary database (tests/setup-env.ts). */
export default {
  testEnvironment: 'node',
  // Same package builds as `npm start` (see bin/register-tsx.mjs on Lexical's top-level await).
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'production'] },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/'],
  moduleNameMapper: { '^@payload-config$': '<rootDir>/payload.config.ts' },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  setupFiles: ['<rootDir>/tests/setup-env.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
}
