import request from 'supertest';
import { ADMIN, STATS, auth, startTestApp, type TestApp } from './support/app';

type Access = 'public' | 'read' | 'write';

/**
 * Who may call every route the service maps. A route missing here fails the first test, so a
 * new route cannot be added without saying who may call it.
 */
const ACCESS: Record<string, Access> = {
  'GET /': 'public',
  'GET /health': 'public',
  'POST /api/qa/ask': 'public',
  'GET /login': 'public',
  'GET /api/bot/login': 'write',
  'GET /api/console/state': 'public',
  'POST /api/console/people': 'public',
  'POST /api/console/rooms': 'public',
  'POST /api/console/messages': 'public',
  'GET /api/console/history': 'public',
  'GET /api/console/events': 'public',
  'GET /api/units': 'read',
  'POST /api/units': 'write',
  'POST /api/units/roster': 'write',
  'PATCH /api/units/:id': 'write',
  'GET /api/members': 'read',
  'GET /api/knowledge': 'read',
  'GET /api/knowledge/export': 'read',
  'GET /api/knowledge/unanswered': 'read',
  'POST /api/knowledge/unanswered/:id/resolve': 'write',
  'POST /api/knowledge/reload': 'write',
  'POST /api/knowledge/import': 'write',
  'GET /api/knowledge/:id': 'read',
  'POST /api/knowledge': 'write',
  'PATCH /api/knowledge/:id': 'write',
  'DELETE /api/knowledge/:id': 'write',
  'GET /api/banks': 'read',
  'GET /api/banks/templates': 'read',
  'GET /api/banks/template.xlsx': 'read',
  'GET /api/banks/:slug': 'read',
  'GET /api/banks/:slug/export': 'read',
  'POST /api/banks': 'write',
  'DELETE /api/banks/:slug': 'write',
  'POST /api/rounds': 'write',
  'GET /api/rounds': 'read',
  'GET /api/rounds/:id': 'read',
  'PATCH /api/rounds/:id': 'write',
  'POST /api/rounds/:id/cancel': 'write',
  'GET /api/rounds/:id/attempts': 'read',
  'GET /api/stats/rounds/:id/units': 'read',
  'GET /api/stats/rounds/:id/top': 'read',
  'GET /api/stats/rounds/:id/questions': 'read',
  'GET /api/stats/rounds/:id/scores': 'read',
  'GET /api/stats/rounds/:id/missing': 'read',
  'GET /api/stats/daily': 'read',
  'GET /api/rooms': 'read',
  'GET /api/outbound/status': 'read',
  'GET /q/:token': 'public',
  'GET /q/g/:token': 'public',
  'GET /api/web/paper/:token': 'public',
  'POST /api/web/again/:token': 'public',
  'POST /api/web/progress/:token': 'public',
  'POST /api/web/submit/:token': 'public',
  'GET /api/web/result/:token': 'public',
  'GET /api/web/group/:token': 'public',
  'POST /api/web/group/:token/start': 'public',
};

/** The routes Nest mapped onto the HTTP server, as "METHOD /path". */
function mappedRoutes(t: TestApp): string[] {
  const instance = t.app.getHttpAdapter().getInstance();
  const stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> = instance.router.stack;
  const routes = new Set<string>();
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') routes.add(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  // The OpenAPI pages are mounted by Swagger itself, outside the controllers.
  return [...routes].filter((r) => !r.includes('/api/docs')).sort();
}

const concrete = (path: string) => path.replace(/:id\b/g, '999999').replace(/:slug\b/g, 'no-such-bank');

describe('access to every route', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says who may call each mapped route', () => {
    const mapped = mappedRoutes(t);
    expect(mapped.filter((r) => !(r in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !mapped.includes(r))).toEqual([]);
  });

  const call = (route: string, token?: string) => {
    const [method, path] = route.split(' ');
    // Reloading the knowledge rebuilds its index (about 2 s on an idle machine): the limit leaves room for a busy one.
    const req = request(t.url)[method.toLowerCase() as 'get'](concrete(path)).timeout(20000);
    return token ? req.set(auth(token)) : req;
  };

  it.each(Object.entries(ACCESS))('%s is %s', async (route, access) => {
    const anonymous = (await call(route)).status;
    const statistician = (await call(route, STATS)).status;
    const organiser = (await call(route, ADMIN)).status;
    const refused = [401, 403];
    if (access === 'public') {
      expect(refused).not.toContain(anonymous);
    } else {
      expect(anonymous).toBe(401);
      expect(organiser).not.toBe(401);
      expect(organiser).not.toBe(403);
      if (access === 'read') expect(refused).not.toContain(statistician);
      else expect(statistician).toBe(403);
    }
  });

  it('closes the chat console when a real WeChat account is configured', async () => {
    const real = await startTestApp({
      BOT_ENABLED: 'true',
      WECHATY_PUPPET: 'wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_access_test',
      // Nothing listens there: the bot keeps retrying while the routes are checked.
      WECHATY_PUPPET_SERVICE_ENDPOINT: '127.0.0.1:9',
      WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: 'true',
    });
    try {
      for (const route of ['GET /api/console/state', 'POST /api/console/messages', 'GET /api/console/events']) {
        const [method, path] = route.split(' ');
        await request(real.url)[method.toLowerCase() as 'get'](path).expect(404);
      }
      await request(real.url).get('/console/').expect(404);
      await request(real.url).get('/console/index.html').expect(404);
    } finally {
      await real.close();
    }
  });

  it('shows the login QR code to organisers only', async () => {
    const page = await request(t.url).get('/login').expect(200);
    expect(page.text).toContain('组织者令牌');
    expect(page.text).not.toContain('<svg');
    await request(t.url).get('/api/bot/login').expect(401);
    await request(t.url).get('/api/bot/login').set(auth(STATS)).expect(403);
    const bot = await request(t.url).get('/api/bot/login').set(auth(ADMIN)).expect(200);
    expect(bot.body).toMatchObject({ state: 'disabled', qrSvg: null });
  });
});

describe('rate limit on public routes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a client flooding the question route, in Chinese, and not the organiser routes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await request(t.url).post('/api/qa/ask').send({ text: `随便问问${i}` })).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const refused = await request(t.url).post('/api/qa/ask').send({ text: '再问一次' }).expect(429);
    expect(refused.body.message).toMatch(/请求过于频繁/);
    expect(Number(refused.headers['retry-after-public'] ?? refused.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 8; i++) await request(t.url).get('/api/units').set(auth(STATS)).expect(200);
    await request(t.url).get('/health').expect(200);
  });

  it('limits starts on a group link more strictly than the other public routes', async () => {
    const start = () => request(t.url).post('/api/web/group/some-token/start').send({ unit: '某单位', name: '某人' });
    expect((await start()).status).not.toBe(429);
    const refused = await start().expect(429);
    expect(refused.body.message).toMatch(/请求过于频繁/);
    await request(t.url).get('/api/web/group/some-token').expect(404);
  });
});
