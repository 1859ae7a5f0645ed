#!/usr/bin/env node
// Runs the built CLI (dist/src/cli/main.js), building first only when the build is missing or
// older than a source file, so that a cron job does not pay for a full build on every call.
// The build's output goes to stderr: stdout stays the CLI's own (--json).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'src', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') newest = Math.max(newest, newestSource(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(newestSource(path.join(root, 'src')), fs.statSync(path.join(root, 'prisma', 'schema.prisma')).mtimeMs);
  return fs.statSync(built).mtimeMs < sources;
}

if (isStale()) {
  process.stderr.write('正在构建命令行工具……\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  if (build.status !== 0) {
    process.stderr.write('构建失败，见上方输出。\n');
    process.exit(1);
  }
}
const run = spawnSync(process.execPath, [built, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
