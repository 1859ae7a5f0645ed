import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { openPglite, openPostgres, type DatabaseHandle } from './src/db/adapters';

const databaseUrl = process.env.DATABASE_URL;
// Without a URL the CLI falls back to its native engine, which it would try to download.
process.env.DATABASE_URL ??= 'postgresql://unused@localhost:5432/unused';

// The CLI asks for the adapter more than once per command; two PGlite instances on one folder corrupt it.
let handle: Promise<DatabaseHandle> | undefined;
function database(): Promise<DatabaseHandle> {
  handle ??= databaseUrl
    ? Promise.resolve(openPostgres(databaseUrl, { max: 2, allowExitOnIdle: true }))
    : openPglite(process.env.DATA_DIR ?? './data');
  return handle;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return (await database()).adapter;
  },
});
