import fs from 'node:fs';
import path from 'node:path';

let root: string | undefined;

/** The folder holding package.json, whether running from src/ (tests) or dist/src/ (built). */
export function projectRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder (package.json)');
    dir = parent;
  }
  root = dir;
  return dir;
}
