#!/usr/bin/env node
// Authors a migration from the change to prisma/schema.prisma since the last migration.
// `prisma migrate dev` cannot work through driver adapters, so the SQL comes from
// `prisma migrate diff` between the schema snapshot kept with the last migration and the
// current schema. Usage: npm run migration:new -- <name>
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const name = (process.argv[2] || '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <name>   (lowercase letters, digits and _)');
  process.exit(1);
}
const root = path.resolve(__dirname, '..');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const schema = path.join(root, 'prisma', 'schema.prisma');
fs.mkdirSync(migrationsDir, { recursive: true });
const previous = fs
  .readdirSync(migrationsDir)
  .filter((d) => fs.existsSync(path.join(migrationsDir, d, 'schema.snapshot.prisma')))
  .sort()
  .pop();
const from = previous
  ? ['--from-schema-datamodel', path.join(migrationsDir, previous, 'schema.snapshot.prisma')]
  : ['--from-empty'];
// The diff needs no database, but the Prisma config opens one: give it a throwaway folder.
const scratch = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'migration-'));
const sql = execFileSync(
  path.join(root, 'node_modules', '.bin', 'prisma'),
  ['migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATA_DIR: scratch } },
);
fs.rmSync(scratch, { recursive: true, force: true });
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.error('prisma/schema.prisma has no change since the last migration');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
fs.copyFileSync(schema, path.join(dir, 'schema.snapshot.prisma'));
if (!fs.existsSync(path.join(migrationsDir, 'migration_lock.toml'))) {
  fs.writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
}
console.log(`created ${path.relative(root, dir)}/migration.sql`);
