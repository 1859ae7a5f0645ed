import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/bootstrap';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { StatusService } from '../../src/health/status.service';
import { createTestDatabase, type TestDatabase } from './database';
import { type FakeWechat, waitUntil } from './puppet-server';

export const ADMIN = 'admin-token-for-tests';
export const STATS = 'stats-token-for-tests';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  database: TestDatabase;
  /** Stops the service, keeping the database for a restart. */
  stop(): Promise<void>;
  /** Stops the service and drops its database. */
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}, database?: TestDatabase): Promise<TestApp> {
  const db = database ?? (await createTestDatabase());
  const config = loadConfig({
    ADMIN_TOKEN: ADMIN,
    STATS_TOKEN: STATS,
    BOT_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    ...db.env,
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  app.get(StatusService).markReady(true);
  const { port } = app.getHttpServer().address() as AddressInfo;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    database: db,
    stop,
    close: async () => {
      await stop();
      await db.drop();
    },
  };
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** supertest parser that keeps a download (an .xlsx file) as a Buffer. */
export function binary(res: import('superagent').Response, done: (err: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Waits for the bot to connect to the fake WeChat and logs its account in (a no-op when the puppet service kept the login). */
export async function logInBot(t: TestApp, wechat: FakeWechat): Promise<void> {
  const state = () => t.app.get(StatusService).botStatus().state;
  await waitUntil(() => ['logged-out', 'logged-in'].includes(state()), 15_000, 'the bot to connect');
  wechat.login();
  await waitUntil(() => state() === 'logged-in', 15_000, 'the bot to log in');
}
