import type { DatabaseHandle } from './adapters';

export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Plain SQL on the same database Prisma uses, for the hot paths where Prisma's per-call cost
 * dominates (batched answer writes). Parameters are always bound, never interpolated.
 */
export class RawSql implements SqlClient {
  constructor(private readonly handle: DatabaseHandle) {}

  async query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    if (this.handle.kind === 'pglite') return (await this.handle.pglite.query<T>(text, params)).rows;
    return (await this.handle.pool.query(text, params)).rows as T[];
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (this.handle.kind === 'pglite') {
      return this.handle.pglite.transaction(async (tx) =>
        fn({ query: async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows }),
      );
    }
    const client = await this.handle.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({ query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[] });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
