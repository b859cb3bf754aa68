export { createTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { TEST_ENCRYPTION_KEY, TEST_JWT_SECRET, testEnvironment } from './test-environment';
export { eventually } from './eventually';
export { CuttableProxy } from './cuttable-proxy';
export { createTestApp } from './test-app';
export type { TestApp } from './test-app';
