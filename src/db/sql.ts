import crypto from 'node:crypto';
import type { DatabaseHandle } from './adapters';

export interface SqlClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Like query, for a statement of fixed text run many times a second: see RawSql.prepared. */
  prepared<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

const statementNames = new Map<string, string>();

/** A server-side statement name derived from the text, so the same text always gets the same name. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `s_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return name;
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

  /**
   * A named statement: each connection has the server parse and plan it once, instead of on every
   * call (planning the hot lookups costs the server several times their execution). Only for
   * statements whose text is fixed; PGlite runs it as a plain query.
   */
  async prepared<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    if (this.handle.kind === 'pglite') return (await this.handle.pglite.query<T>(text, params)).rows;
    return (await this.handle.pool.query({ name: statementName(text), text, values: params })).rows as T[];
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (this.handle.kind === 'pglite') {
      return this.handle.pglite.transaction(async (tx) => {
        const query = async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows;
        return fn({ query, prepared: query });
      });
    }
    const client = await this.handle.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
        prepared: async <R>(text: string, params: unknown[] = []) => (await client.query({ name: statementName(text), text, values: params })).rows as R[],
      });
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
