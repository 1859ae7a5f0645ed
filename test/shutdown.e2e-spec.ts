import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './support/database';
import { freePort, waitUntil } from './support/puppet-server';

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const maybe = fs.existsSync(MAIN) ? describe : describe.skip;
if (!fs.existsSync(MAIN)) console.warn(`${MAIN} not built: run npm test (it builds first) to include the shutdown test`);

/** The built service as its own process, stopped the way a service manager stops it. */
maybe('SIGTERM while a chat console stream is open (local mode)', () => {
  let database: TestDatabase;
  let child: ChildProcess | undefined;
  let stream: http.ClientRequest | undefined;
  let output = '';

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    stream?.destroy();
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    await database.drop();
  });

  it('ends the stream and exits cleanly within a few seconds', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [MAIN], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...database.env,
        HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'shutdown-home-')),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'log',
        WECHATY_LOG: 'error',
        NODE_OPTIONS: '',
        WECHATY_PUPPET_SERVICE_TOKEN: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const botState = async () => {
      try {
        const res = await fetch(`${url}/health`);
        return res.ok ? ((await res.json()) as { bot: { state: string } }).bot.state : undefined;
      } catch {
        return undefined;
      }
    };
    await waitUntil(async () => (await botState()) === 'logged-in', 100_000, 'the local bot to log in').catch((err) => {
      throw new Error(`${err.message}\n${output}`);
    });

    const opened = await new Promise<http.IncomingMessage>((resolve, reject) => {
      stream = http.get(`${url}/api/console/events`, { headers: { Accept: 'text/event-stream' } }, resolve);
      stream.on('error', reject);
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toContain('text/event-stream');
    const streamEnded = new Promise<void>((resolve) => {
      opened.on('close', resolve);
      opened.on('error', () => resolve());
      opened.resume();
    });

    const started = Date.now();
    child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000).unref());
    const result = await Promise.race([exited, timeout]);
    const took = Date.now() - started;
    console.log(`SIGTERM with an open event stream: exited after ${took} ms`);
    expect({ result, output }).toEqual({ result: { code: 0, signal: null }, output: expect.any(String) });
    expect(output).not.toContain('shutdown took too long');
    await streamEnded;
    // The embedded database was closed: its lock is released.
    expect(fs.existsSync(path.join(database.env.DATA_DIR, 'service.lock'))).toBe(false);
  }, 150_000);
});
