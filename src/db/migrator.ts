import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from './adapters';
import { projectRoot } from '../common/paths';

/**
 * Applies prisma/migrations the way `prisma migrate deploy` does: each pending migration in its
 * own transaction, recorded in _prisma_migrations with Prisma's checksum (sha256 of the file), so
 * that the Prisma CLI agrees afterwards. Going through the CLI would cost ~20 s at every start.
 */
export interface MigrationResult {
  applied: string[];
  total: number;
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Any instance may start at the same moment: one advisory lock serialises migrating. */
const MIGRATION_LOCK_KEY = 72707369;
const MIGRATION_TIMEOUT_MS = 3_600_000;

interface Sql {
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  exec(sql: string): Promise<void>;
}

export function findMigrationsDir(): string {
  return path.join(projectRoot(), 'prisma', 'migrations');
}

export async function applyMigrations(db: DatabaseHandle, migrationsDir = findMigrationsDir()): Promise<MigrationResult> {
  const names = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
  return withSql(db, async (sql) => {
    await sql.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await sql.exec(MIGRATIONS_TABLE);
      const rows = await sql.query(
        'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      const done = new Set(rows.map((r) => String(r.migration_name)));
      const applied: string[] = [];
      for (const name of names) {
        if (done.has(name)) continue;
        const script = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
        const checksum = crypto.createHash('sha256').update(script).digest('hex');
        await sql.exec('BEGIN');
        try {
          await sql.exec(script);
          await sql.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
             VALUES ($1, $2, now(), $3, 1)`,
            [crypto.randomUUID(), checksum, name],
          );
          await sql.exec('COMMIT');
        } catch (err) {
          await sql.exec('ROLLBACK');
          throw new Error(`migration ${name} failed: ${(err as Error).message}`);
        }
        applied.push(name);
      }
      return { applied, total: names.length };
    } finally {
      await sql.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function withSql<T>(db: DatabaseHandle, fn: (sql: Sql) => Promise<T>): Promise<T> {
  if (db.kind === 'pglite') {
    const pg = db.pglite;
    return fn({
      query: async (text, params) => (await pg.query<Record<string, unknown>>(text, params)).rows,
      exec: async (text) => {
        await pg.exec(text);
      },
    });
  }
  const client = await db.pool.connect();
  // Waiting for another instance's migrations or building an index may take longer than the
  // statement timeouts meant for the service's own queries.
  const noTimeout = { query_timeout: MIGRATION_TIMEOUT_MS };
  try {
    await client.query('SET statement_timeout = 0');
    return await fn({
      query: async (text, params) => (await client.query({ text, values: params, ...noTimeout })).rows,
      exec: async (text) => {
        await client.query({ text, ...noTimeout });
      },
    });
  } finally {
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
}
