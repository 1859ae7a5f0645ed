import { Logger } from '@nestjs/common';
import { PrismaClient } from '../generated/prisma/client';
import { openPglite, openPostgres, type DatabaseHandle } from './adapters';
import { applyMigrations } from './migrator';
import { RawSql } from './sql';
import { withTimeout } from './unavailable';

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

/**
 * The one Prisma client of the service, on embedded PGlite (no DATABASE_URL) or PostgreSQL.
 * `open` applies pending migrations before anything queries.
 */
export class PrismaService extends PrismaClient {
  private static readonly logger = new Logger('Database');

  /** Plain SQL on the same database, for batched hot-path writes. */
  readonly sql: RawSql;

  private constructor(readonly handle: DatabaseHandle) {
    super({ adapter: handle.adapter as any });
    this.sql = new RawSql(handle);
  }

  get kind(): DatabaseHandle['kind'] {
    return this.handle.kind;
  }

  static async open(options: DatabaseOptions): Promise<PrismaService> {
    const handle = options.databaseUrl
      ? openPostgres(options.databaseUrl, {
          max: options.poolSize,
          connectTimeoutMs: options.connectTimeoutMs,
          statementTimeoutMs: options.statementTimeoutMs,
        })
      : await openPglite(options.dataDir);
    try {
      const result = await applyMigrations(handle);
      const where = handle.kind === 'pglite' ? `embedded PGlite in ${handle.dataDir}` : 'PostgreSQL';
      PrismaService.logger.log(
        `${where}: ${result.applied.length ? `applied ${result.applied.join(', ')}` : 'schema up to date'} (${result.total} migrations)`,
      );
      const client = new PrismaService(handle);
      await client.$connect();
      return client;
    } catch (err) {
      await handle.close().catch(() => undefined);
      throw err;
    }
  }

  /** A cheap query that answers within `timeoutMs` or counts as unreachable (a dropped network hangs). */
  async isReachable(timeoutMs = 2000): Promise<boolean> {
    try {
      await withTimeout(this.sql.query('SELECT 1'), timeoutMs, 'database check');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.$disconnect().catch(() => undefined);
    await this.handle.close();
  }
}
