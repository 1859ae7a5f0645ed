import net from 'node:net';
import { openPostgres } from './adapters';
import { isDatabaseUnavailable } from './unavailable';

describe('isDatabaseUnavailable', () => {
  it('recognises a refused, dropped or shut down database, directly or wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable({ name: 'PrismaClientKnownRequestError', code: 'P1001', message: "Can't reach database server" })).toBe(true);
    expect(
      isDatabaseUnavailable({ code: 'P2010', message: 'Raw query failed.', meta: { driverAdapterError: { cause: { kind: 'ConnectionClosed' } } } }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('batch failed', { cause: Object.assign(new Error('x'), { code: '08006' }) }))).toBe(true);
  });

  it('does not take a mistake in the query, a constraint or a server-side statement timeout for an outage', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('a PostgreSQL server that accepts connections and never answers (a dropped network)', () => {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  let port = 0;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails a query within the connect timeout, as unavailable, instead of hanging', async () => {
    const handle = openPostgres(`postgresql://postgres@127.0.0.1:${port}/none`, { connectTimeoutMs: 500, statementTimeoutMs: 1000 });
    const started = Date.now();
    try {
      const err = await handle.pool.query('SELECT 1').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(err)).toBe(true);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await handle.close();
    }
  }, 15_000);
});
