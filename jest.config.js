/**
 * Backstop for a test that names no timeout of its own (jest's default is 5 s). Tests here start real
 * processes — Node bundles, netperf, kubectl, pods of the cluster simulator — on a shared 2-core machine
 * where a cold start alone can take seconds; each bounds its own waits with named constants, which may
 * be longer than 5 s (a pod may take POD_WAIT_MS). No test measures speed through this limit.
 */
const DEFAULT_TEST_TIMEOUT_MS = 60_000;

/** jest in native ESM mode with ts-jest (see ../shared/TOOLCHAIN.md). */
export default {
  testEnvironment: 'node',
  testTimeout: DEFAULT_TEST_TIMEOUT_MS,
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { isolatedModules: true } }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary'],
};
