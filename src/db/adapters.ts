import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/** PostgreSQL's `name` type (oid 19): adapter-pg 6.19 cannot map it, so it is reported as text (oid 25). */
const NAME_OID = 19;
const TEXT_OID = 25;

class NameAsTextClient extends pg.Client {
  override query(...args: unknown[]): any {
    const result = (super.query as (...a: unknown[]) => any)(...args);
    if (result && typeof result.then === 'function') {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
        return res;
      });
    }
    return result;
  }
}

export interface PostgresHandle {
  kind: 'postgres';
  pool: pg.Pool;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export interface PgliteHandle {
  kind: 'pglite';
  pglite: PGlite;
  dataDir: string;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

export type DatabaseHandle = PostgresHandle | PgliteHandle;

export interface PostgresOptions {
  max?: number;
  allowExitOnIdle?: boolean;
  /** How long opening a connection may take before it fails. */
  connectTimeoutMs?: number;
  /** Longest statement the server runs; the client gives up a little later (a dropped network). */
  statementTimeoutMs?: number;
}

/** Margin between the server's statement timeout and the client's, so that the server's error comes first. */
const CLIENT_TIMEOUT_MARGIN_MS = 5000;

export function openPostgres(url: string, options: PostgresOptions = {}): PostgresHandle {
  const statementTimeout = options.statementTimeoutMs;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    allowExitOnIdle: options.allowExitOnIdle ?? false,
    connectionTimeoutMillis: options.connectTimeoutMs,
    statement_timeout: statementTimeout || undefined,
    query_timeout: statementTimeout ? statementTimeout + CLIENT_TIMEOUT_MARGIN_MS : undefined,
    keepAlive: true,
    // Prisma stores timestamps without time zone in UTC; plain SQL (now(), casts) must agree.
    options: '-c TimeZone=UTC',
    Client: NameAsTextClient,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return { kind: 'postgres', pool, adapter, close: () => pool.end() };
}

export class DataDirLockedError extends Error {}

/**
 * Opens the embedded database. Only one process may use a data folder: a lock file with the
 * owner's pid guards it, and a stale lock (its process gone) is taken over.
 */
export async function openPglite(dataDir: string): Promise<PgliteHandle> {
  const dir = path.resolve(dataDir);
  const pgdata = path.join(dir, 'pgdata');
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'service.lock');
  acquireLock(lockFile);
  let pglite: PGlite;
  try {
    pglite = new PGlite(pgdata);
    await pglite.waitReady;
    await pglite.exec("SET TIME ZONE 'UTC'");
  } catch (err) {
    releaseLock(lockFile);
    throw err;
  }
  const adapter = new PrismaPGlite(pglite as any) as unknown as SqlMigrationAwareDriverAdapterFactory;
  return {
    kind: 'pglite',
    pglite,
    dataDir: dir,
    adapter,
    close: async () => {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        releaseLock(lockFile);
      }
    },
  };
}

/** Throws DataDirLockedError when another live process holds the data folder. */
export function assertDataDirFree(dataDir: string): void {
  const lockFile = path.join(path.resolve(dataDir), 'service.lock');
  if (!fs.existsSync(lockFile)) return;
  const owner = Number(fs.readFileSync(lockFile, 'utf8').trim());
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new DataDirLockedError(
      `the data folder ${path.dirname(lockFile)} is in use by process ${owner}; stop it first or set DATA_DIR to another folder`,
    );
  }
}

function acquireLock(lockFile: string): void {
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return;
  } catch (err: any) {
    if (err.code !== 'EEXIST') throw err;
  }
  assertDataDirFree(path.dirname(lockFile));
  fs.writeFileSync(lockFile, String(process.pid));
}

function releaseLock(lockFile: string): void {
  try {
    if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
  } catch {
    /* already gone */
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: any) {
    return err.code === 'EPERM';
  }
}
