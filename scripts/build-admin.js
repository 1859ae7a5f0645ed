#!/usr/bin/env node
/**
 * Builds the organiser console (admin/ -> dist/admin) only when it is missing or older than its
 * sources or the lock file, so a restart does not pay for a full build. `--force` always builds.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const STAMP = '.build-stamp';

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Why the console under `root` needs building ('missing' or 'stale'), or '' when it is up to date. */
function staleReason(root) {
  const outDir = path.join(root, 'dist', 'admin');
  const stamp = path.join(outDir, STAMP);
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(outDir, 'index.html'))) return 'missing';
  const built = fs.statSync(stamp).mtimeMs;
  const newest = Math.max(newestMtime(path.join(root, 'admin')), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs);
  return newest > built ? 'stale' : '';
}

/** The pages' TypeScript, templates included, checked before they are built: an error stops the build. */
function typecheck(root) {
  const vueTsc = path.join(path.dirname(require.resolve('vue-tsc/package.json')), 'bin', 'vue-tsc.js');
  const check = spawnSync(process.execPath, [vueTsc, '--noEmit', '-p', path.join(root, 'admin', 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
  if (check.status !== 0) {
    console.error('admin console: type errors (above); nothing built');
    process.exit(check.status ?? 1);
  }
}

function build(root) {
  typecheck(root);
  const vite = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', path.join(root, 'admin', 'vite.config.ts')], {
    cwd: root,
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    stdio: 'inherit',
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  fs.writeFileSync(path.join(root, 'dist', 'admin', STAMP), `${new Date().toISOString()}\n`);
}

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const reason = process.argv.includes('--force') ? 'forced' : staleReason(root);
  if (!reason) {
    console.log('admin console: up to date (dist/admin)');
  } else {
    console.log(`admin console: building (${reason})`);
    build(root);
  }
}

module.exports = { staleReason };
