import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { staleReason } = require('../scripts/build-admin.js') as { staleReason: (root: string) => string };

describe('rebuilding the organiser console only when needed', () => {
  let root: string;
  const at = (file: string, seconds: number) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    if (!fs.existsSync(full)) fs.writeFileSync(full, 'x');
    const time = new Date(1_800_000_000_000 + seconds * 1000);
    fs.utimesSync(full, time, time);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-stamp-'));
    at('package-lock.json', 0);
    at('admin/src/main.ts', 10);
    at('admin/index.html', 10);
    for (const dir of ['admin/src', 'admin']) fs.utimesSync(path.join(root, dir), new Date(1_800_000_010_000), new Date(1_800_000_010_000));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds when nothing was built', () => {
    expect(staleReason(root)).toBe('missing');
    at('dist/admin/index.html', 20);
    expect(staleReason(root)).toBe('missing');
  });

  it('skips a build newer than the sources and the lock file', () => {
    at('dist/admin/index.html', 20);
    at('dist/admin/.build-stamp', 20);
    expect(staleReason(root)).toBe('');
  });

  it('rebuilds after a source or the lock file changed', () => {
    at('dist/admin/index.html', 20);
    at('dist/admin/.build-stamp', 20);
    at('admin/src/views/Overview.vue', 30);
    expect(staleReason(root)).toBe('stale');
    at('admin/src/views/Overview.vue', 15);
    fs.utimesSync(path.join(root, 'admin/src/views'), new Date(1_800_000_015_000), new Date(1_800_000_015_000));
    expect(staleReason(root)).toBe('');
    at('package-lock.json', 40);
    expect(staleReason(root)).toBe('stale');
  });
});
