import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../common/paths';

/** Where `npm run build:admin` writes the organiser console. */
export function adminPagesDir(): string {
  return path.join(projectRoot(), 'dist', 'admin');
}

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The organiser console under /admin/: static files only (every piece of data comes from the API
 * with a token). Vite names its assets by content hash, so they are cached for a year; index.html
 * is revalidated on every load so a new release is picked up at once.
 */
export function serveAdminPages(app: NestExpressApplication): void {
  const dir = adminPagesDir();
  app.useStaticAssets(dir, {
    prefix: '/admin',
    index: ['index.html'],
    setHeaders: (res, file) => {
      const hashed = path.relative(dir, file).split(path.sep)[0] === 'assets';
      res.setHeader('Cache-Control', hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');
    },
  });
  app.use('/admin', (req: Request, res: Response, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (fs.existsSync(path.join(dir, 'index.html'))) return res.status(404).type('text/plain; charset=utf-8').send('未找到该页面。');
    res.status(503).type('text/plain; charset=utf-8').send('管理后台尚未构建：请运行 npm run build:admin（npm start 会自动构建）。');
  });
}
