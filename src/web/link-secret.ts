import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const FILE = 'web-link-secret';

/**
 * The secret the web links are signed with: WEB_LINK_SECRET, else one generated on first use and
 * kept in the data folder (readable by the service's user only), so links survive a restart.
 */
export function loadLinkSecret(config: { WEB_LINK_SECRET?: string; DATA_DIR: string }): string {
  if (config.WEB_LINK_SECRET) return config.WEB_LINK_SECRET;
  const file = path.join(config.DATA_DIR, FILE);
  fs.mkdirSync(config.DATA_DIR, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  fs.chmodSync(file, 0o600);
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret: remove it to have a new one generated, or set WEB_LINK_SECRET`);
  return secret;
}
