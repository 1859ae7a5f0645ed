import type { RawSql, SqlClient } from '../db/sql';

/**
 * Runs report queries in one short read transaction with settings for them: enough work memory
 * that the per-member sorts and hashes of a 70,000-member round stay in memory, no JIT (its
 * compilation costs more than these queries save) and no parallel workers (each would repeat the
 * counted-attempt sort; the hot paths need the cores more).
 */
export function inReportSession<T>(sql: RawSql, fn: (tx: SqlClient) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    await tx.query(
      `SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    return fn(tx);
  });
}
