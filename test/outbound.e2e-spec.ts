import pg from 'pg';
import { openPglite } from '../src/db/adapters';
import { PrismaService } from '../src/db/prisma.service';
import { OutboundService } from '../src/outbound/outbound.service';
import { retryDelayMs } from '../src/outbound/pacing';
import type { MessageSender, OutboundImage, OutboundTarget } from '../src/outbound/sender';
import { startTestApp, type TestApp } from './support/app';
import { createTestDatabase, type TestDatabase } from './support/database';

/**
 * The real outbound queue on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), with
 * a recording transport in place of WeChat.
 */

interface Attempt {
  target: OutboundTarget;
  body: string;
  image?: Buffer;
  at: number;
  ok: boolean;
}

class RecordingSender implements MessageSender {
  ready = true;
  readonly attempts: Attempt[] = [];
  /** Decides whether an attempt fails; gets how many attempts this body had before. */
  failWhen: (target: OutboundTarget, body: string, previousAttempts: number) => boolean = () => false;

  isReady(): boolean {
    return this.ready;
  }

  async send(target: OutboundTarget, body: string, image?: OutboundImage): Promise<void> {
    const previous = this.attempts.filter((a) => a.body === body).length;
    const fail = this.failWhen(target, body, previous);
    this.attempts.push({ target: { ...target }, body, image: image?.data, at: Date.now(), ok: !fail });
    if (fail) throw new Error(`WeChat refused the message to ${target.id}`);
  }

  get sent(): Attempt[] {
    return this.attempts.filter((a) => a.ok);
  }

  sentTo(id: string): string[] {
    return this.sent.filter((a) => a.target.id === id).map((a) => a.body);
  }

  attemptsOf(body: string): Attempt[] {
    return this.attempts.filter((a) => a.body === body);
  }
}

const contact = (id: string): OutboundTarget => ({ kind: 'contact', id });

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Allowance for timers firing a little early and for millisecond rounding: only for lower bounds. */
const SLACK_MS = 5;

interface OutboundRow {
  id: bigint;
  target: string;
  body: string;
  state: string;
  tries: number;
  lastError: string | null;
}

describe('the outbound queue (real database, recording transport)', () => {
  const running: TestApp[] = [];

  async function start(env: Record<string, string>, database?: TestDatabase): Promise<{ t: TestApp; outbound: OutboundService }> {
    const t = await startTestApp({ BOT_ENABLED: 'false', OUTBOUND_MAX_PER_MINUTE: '10000', ...env }, database);
    running.push(t);
    return { t, outbound: t.app.get(OutboundService) };
  }

  const rows = (t: TestApp): Promise<OutboundRow[]> =>
    t.app.get(PrismaService).outboundMessage.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, target: true, body: true, state: true, tries: true, lastError: true },
    });

  afterEach(async () => {
    for (const t of running.splice(0).reverse()) await t.close();
  });

  it('delivers the messages of a conversation in enqueue order, never faster than the minimum interval', async () => {
    const { t, outbound } = await start({ OUTBOUND_MIN_INTERVAL_MS: '50', OUTBOUND_JITTER_MS: '20' });
    const sender = new RecordingSender();
    outbound.attachSender(sender);

    const expected: Record<string, string[]> = { alice: [], bob: [] };
    for (let i = 1; i <= 8; i++) {
      await outbound.enqueue([{ target: contact('alice'), body: `alice ${i}` }]);
      expected.alice.push(`alice ${i}`);
      if (i % 3 === 0) {
        await outbound.enqueue([{ target: contact('bob'), body: `bob ${i}` }]);
        expected.bob.push(`bob ${i}`);
      }
    }
    // One call with several items, and a long reply that the queue splits into parts.
    const long = Array.from({ length: 80 }, (_, i) => `第${i + 1}句话讲统一战线工作的一个要点。`).join('');
    const parts = await outbound.enqueue([
      { target: contact('alice'), body: 'alice 9' },
      { target: contact('bob'), body: 'bob 9' },
      { target: contact('alice'), body: long },
    ]);
    expect(parts).toBeGreaterThanOrEqual(5);
    expected.alice.push('alice 9');
    expected.bob.push('bob 9');
    const total = expected.alice.length + expected.bob.length + parts - 2;

    await waitUntil(() => sender.sent.length >= total, 20_000, `${total} sends`);
    await waitUntil(async () => (await outbound.pendingCount()) === 0, 5000, 'the queue to empty');

    const alice = sender.sentTo('alice');
    expect(alice.slice(0, 9)).toEqual(expected.alice);
    const longParts = alice.slice(9);
    expect(longParts).toHaveLength(parts - 2);
    expect(longParts.join('')).toBe(long);
    for (const part of longParts) expect(Array.from(part).length).toBeLessThanOrEqual(t.config.REPLY_MAX_CHARS);
    expect(sender.sentTo('bob')).toEqual(expected.bob);

    // Pacing is per account: no two sends, to whichever conversation, closer than the minimum interval.
    const times = sender.sent.map((a) => a.at);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(50 - SLACK_MS);
    expect(sender.attempts).toHaveLength(sender.sent.length);
    expect((await rows(t)).every((r) => r.state === 'sent' && r.tries === 1)).toBe(true);
  });

  it('serves conversations in turn: one member with many messages queued first does not hold up the others', async () => {
    const { outbound } = await start({ OUTBOUND_MIN_INTERVAL_MS: '20', OUTBOUND_JITTER_MS: '0' });
    const sender = new RecordingSender();
    await outbound.enqueue(Array.from({ length: 20 }, (_, i) => ({ target: contact('greedy'), body: `greedy ${i + 1}` })));
    for (const name of ['amy', 'ben', 'cai']) await outbound.enqueue([{ target: contact(name), body: `${name} 1` }]);
    outbound.attachSender(sender);
    await waitUntil(() => sender.sent.length >= 23, 20_000, 'every message sent');
    const firstFour = sender.sent.slice(0, 4).map((a) => a.target.id);
    expect([...firstFour].sort()).toEqual(['amy', 'ben', 'cai', 'greedy']);
    expect(sender.sentTo('greedy')).toEqual(Array.from({ length: 20 }, (_, i) => `greedy ${i + 1}`));
  });

  it('retries a failed send with backoff; the same conversation waits for it, another one does not', async () => {
    const { t, outbound } = await start({ OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0', OUTBOUND_MAX_TRIES: '6' });
    const sender = new RecordingSender();
    const others = ['bob 1', 'bob 2', 'carol 1'];
    // alice's first message fails its first try, and keeps failing until bob and carol got theirs:
    // were they blocked behind alice, they would never get them.
    sender.failWhen = (target, body, previous) =>
      body === 'alice 1' && (previous === 0 || !others.every((o) => sender.sentTo(o.split(' ')[0]).includes(o)));

    await outbound.enqueue([
      { target: contact('alice'), body: 'alice 1' },
      { target: contact('bob'), body: 'bob 1' },
      { target: contact('alice'), body: 'alice 2' },
      { target: contact('bob'), body: 'bob 2' },
    ]);
    outbound.attachSender(sender);
    await waitUntil(() => sender.attemptsOf('alice 1').length >= 1, 10_000, 'the first try');
    // A conversation that starts while alice waits for her retry is not held up either.
    await outbound.enqueue([{ target: contact('carol'), body: 'carol 1' }]);

    await waitUntil(() => sender.sentTo('alice').length === 2, 30_000, "alice's messages after the retry");

    const tries = sender.attemptsOf('alice 1');
    expect(tries.length).toBeGreaterThanOrEqual(2);
    expect(tries[0].ok).toBe(false);
    expect(tries[tries.length - 1].ok).toBe(true);
    // Backoff: each retry waits at least retryDelayMs(tries so far) after the previous try.
    for (let i = 1; i < tries.length; i++) {
      expect(tries[i].at - tries[i - 1].at).toBeGreaterThanOrEqual(retryDelayMs(i) - SLACK_MS);
    }
    if (tries.length > 2) expect(tries[2].at - tries[1].at).toBeGreaterThan(tries[1].at - tries[0].at);

    const order = sender.attempts.map((a) => `${a.body}${a.ok ? '' : ' (failed)'}`);
    const aliceDone = order.indexOf('alice 1');
    // alice 2 was not even tried before alice 1 went out.
    expect(order.indexOf('alice 2')).toBe(aliceDone + 1);
    // bob and carol went out while alice 1 was waiting for its retry.
    for (const other of others) {
      expect(order.indexOf(other)).toBeGreaterThan(order.indexOf('alice 1 (failed)'));
      expect(order.indexOf(other)).toBeLessThan(aliceDone);
    }
    expect(sender.sentTo('bob')).toEqual(['bob 1', 'bob 2']);
    expect(sender.sentTo('carol')).toEqual(['carol 1']);

    await waitUntil(async () => (await outbound.pendingCount()) === 0, 5000, 'the queue to empty');
    const stored = await rows(t);
    const alice1 = stored.find((r) => r.body === 'alice 1')!;
    expect(alice1).toMatchObject({ state: 'sent', tries: tries.length });
    expect(alice1.lastError).toContain('WeChat refused the message to alice');
    expect(stored.filter((r) => r.body !== 'alice 1').every((r) => r.state === 'sent' && r.tries === 1)).toBe(true);
  });

  it('marks a message failed after OUTBOUND_MAX_TRIES failures and moves on to the next one', async () => {
    const { t, outbound } = await start({ OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0', OUTBOUND_MAX_TRIES: '3' });
    const sender = new RecordingSender();
    sender.failWhen = (_target, body) => body === 'doomed';
    outbound.attachSender(sender);
    await outbound.enqueue([
      { target: contact('dave'), body: 'doomed' },
      { target: contact('dave'), body: 'after the doomed one' },
      { target: contact('erin'), body: 'erin 1' },
    ]);

    await waitUntil(() => sender.sentTo('dave').length === 1, 30_000, 'the message after the failed one');

    const tries = sender.attemptsOf('doomed');
    expect(tries).toHaveLength(3);
    expect(tries.every((a) => !a.ok)).toBe(true);
    for (let i = 1; i < tries.length; i++) {
      expect(tries[i].at - tries[i - 1].at).toBeGreaterThanOrEqual(retryDelayMs(i) - SLACK_MS);
    }
    expect(sender.sentTo('dave')).toEqual(['after the doomed one']);
    expect(sender.sentTo('erin')).toEqual(['erin 1']);
    // The next message of the conversation waited until the failed one was given up.
    expect(sender.attemptsOf('after the doomed one')[0].at).toBeGreaterThanOrEqual(tries[2].at);

    await waitUntil(async () => (await outbound.pendingCount()) === 0, 5000, 'the queue to empty');
    const doomed = (await rows(t)).find((r) => r.body === 'doomed')!;
    expect(doomed).toMatchObject({ state: 'failed', tries: 3 });
    expect(doomed.lastError).toContain('WeChat refused');
    // A failed message is not tried again.
    await sleep(300);
    expect(sender.attemptsOf('doomed')).toHaveLength(3);
  });

  it('sends a burst of 2,000 members’ messages exactly once each, none dropped', async () => {
    const { t, outbound } = await start({ OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0', OUTBOUND_MAX_PER_MINUTE: '10000' });
    const sender = new RecordingSender();
    outbound.attachSender(sender);
    const members = Array.from({ length: 2000 }, (_, i) => `member-${String(i).padStart(4, '0')}`);

    // All at once, as when every member of a city-wide quiz asks at the same moment.
    const counts = await Promise.all(members.map((m) => outbound.enqueue([{ target: contact(m), body: `reply to ${m}` }])));
    expect(counts.every((c) => c === 1)).toBe(true);

    await waitUntil(() => sender.sent.length >= members.length, 50_000, '2,000 sends');
    await waitUntil(async () => (await outbound.pendingCount()) === 0, 5000, 'the queue to empty');
    await sleep(300);

    expect(sender.attempts).toHaveLength(members.length);
    const byTarget = new Map<string, string[]>();
    for (const a of sender.sent) byTarget.set(a.target.id, [...(byTarget.get(a.target.id) ?? []), a.body]);
    expect(byTarget.size).toBe(members.length);
    for (const m of members) expect(byTarget.get(m)).toEqual([`reply to ${m}`]);
    const prisma = t.app.get(PrismaService);
    expect(await prisma.outboundMessage.count({ where: { state: 'sent', tries: 1 } })).toBe(members.length);
    expect(await prisma.outboundMessage.count()).toBe(members.length);
  }, 60_000);

  it('delivers the replies still queued when the service stopped after it starts again', async () => {
    const env = { OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0' };
    const first = await start(env);
    const offline = new RecordingSender();
    offline.ready = false;
    first.outbound.attachSender(offline);

    const long = '统一战线工作条例规定了很多内容,'.repeat(60);
    const chart = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(50_000, 7)]);
    const queued = await first.outbound.enqueue([
      { target: contact('frank'), body: 'frank 1' },
      { target: contact('frank'), body: '', image: { name: '参与率.png', data: chart } },
      { target: { kind: 'room', id: 'room-1@chatroom' }, body: '@frank room reply' },
      { target: contact('frank'), body: 'frank 2' },
      { target: contact('grace'), body: long },
      { target: contact('frank'), body: 'frank 3' },
    ]);
    expect(queued).toBeGreaterThan(5);
    expect(await first.outbound.pendingCount()).toBe(queued);
    await sleep(1200); // a dispatcher round or so: nothing goes out while the sender is not ready
    expect(offline.attempts).toHaveLength(0);

    await first.t.stop();
    const second = await start(env, first.t.database);
    expect(await second.outbound.pendingCount()).toBe(queued);
    const online = new RecordingSender();
    second.outbound.attachSender(online);

    await waitUntil(() => online.sent.length >= queued, 15_000, 'the queued replies');
    await waitUntil(async () => (await second.outbound.pendingCount()) === 0, 5000, 'the queue to empty');
    expect(online.sentTo('frank')).toEqual(['frank 1', '参与率.png', 'frank 2', 'frank 3']);
    expect(online.sent.find((a) => a.body === '参与率.png')!.image!.equals(chart)).toBe(true);
    expect(online.sentTo('room-1@chatroom')).toEqual(['@frank room reply']);
    expect(online.sent.find((a) => a.target.id === 'room-1@chatroom')!.target.kind).toBe('room');
    expect(online.sentTo('grace').join('')).toBe(long.trim());
    expect(online.attempts).toHaveLength(queued);
    expect(offline.attempts).toHaveLength(0);
  });

  describe('whatever time zone the database is set to', () => {
    /** Starts the service on a database whose own default time zone is `timeZone`. */
    async function startInTimeZone(timeZone: string, env: Record<string, string>) {
      const database = await createTestDatabase();
      const alter = `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), '${timeZone}'); END $$`;
      try {
        if (database.kind === 'postgres') {
          const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
          await client.connect();
          try {
            await client.query(alter);
          } finally {
            await client.end();
          }
        } else {
          const handle = await openPglite(database.env.DATA_DIR);
          try {
            await handle.pglite.exec(alter);
          } finally {
            await handle.close();
          }
        }
        const started = await start(env, database);
        const [{ settings }] = await started.t.app.get(PrismaService).$queryRawUnsafe<Array<{ settings: string }>>(
          `SELECT array_to_string(s.setconfig, ',') AS settings
             FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
            WHERE d.datname = current_database()`,
        );
        expect(settings).toContain(`TimeZone=${timeZone}`);
        return started;
      } catch (err) {
        if (!running.some((t) => t.database === database)) await database.drop();
        throw err;
      }
    }

    it('sends at once west of UTC', async () => {
      const { outbound } = await startInTimeZone('America/New_York', { OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0' });
      const sender = new RecordingSender();
      outbound.attachSender(sender);
      await outbound.enqueue([{ target: contact('heidi'), body: 'hello from the west' }]);
      await waitUntil(() => sender.sent.length === 1, 10_000, 'the message to be sent');
      expect(sender.sentTo('heidi')).toEqual(['hello from the west']);
    });

    it('still waits out the retry backoff east of UTC', async () => {
      const { outbound } = await startInTimeZone('Asia/Shanghai', { OUTBOUND_MIN_INTERVAL_MS: '0', OUTBOUND_JITTER_MS: '0' });
      const sender = new RecordingSender();
      sender.failWhen = (_target, _body, previous) => previous === 0;
      outbound.attachSender(sender);
      await outbound.enqueue([{ target: contact('ivan'), body: 'retried in the east' }]);
      await waitUntil(() => sender.sent.length === 1, 15_000, 'the retry to go out');
      const tries = sender.attemptsOf('retried in the east');
      expect(tries.map((a) => a.ok)).toEqual([false, true]);
      expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(retryDelayMs(1) - SLACK_MS);
    });
  });
});
