export * from './event-store.contract';
export * from './read-model-engines';
export { createTestDatabase, type TestDatabase } from '../postgres/testing/postgres-test-database';
