#!/usr/bin/env node
/**
 * Builds the organiser console (admin/ -> dist/admin) only when it is missing or older than its
 * sources or the lock file, so a restart does not pay for a full build. `--force` always builds.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const sources = path.join(root, 'admin');
const outDir = path.join(root, 'dist', 'admin');
const stamp = path.join(outDir, '.build-stamp');

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function isStale() {
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(outDir, 'index.html'))) return 'missing';
  const built = fs.statSync(stamp).mtimeMs;
  const newest = Math.max(newestMtime(sources), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs);
  return newest > built ? 'stale' : '';
}

const reason = process.argv.includes('--force') ? 'forced' : isStale();
if (!reason) {
  console.log('admin console: up to date (dist/admin)');
  process.exit(0);
}
console.log(`admin console: building (${reason})`);
const vite = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', path.join(sources, 'vite.config.ts')], {
  cwd: root,
  env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  stdio: 'inherit',
});
if (vite.status !== 0) process.exit(vite.status ?? 1);
fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
