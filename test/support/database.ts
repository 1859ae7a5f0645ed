import { createScratchDatabase, type ScratchDatabase } from '../../src/db/scratch-database';

/**
 * A fresh database for one test: an embedded PGlite folder by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (named t_…, which CI cleans up after a crash).
 */
export type TestDatabase = ScratchDatabase;

export function createTestDatabase(): Promise<TestDatabase> {
  return createScratchDatabase(process.env.TEST_DATABASE_URL, 't');
}
