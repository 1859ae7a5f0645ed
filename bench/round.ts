/**
 * npm run bench:round -- --members 70000 --questions 10 [--concurrency 100]
 *
 * Simulated members each take a full attempt through the same message router a real WeChat
 * message goes through (Wechaty left out): start with 答题, then one message per answer, each
 * reply queued on the persisted outbound queue. Runs on the PostgreSQL server in DATABASE_URL
 * (in a fresh database created for the run and dropped after) or on embedded PGlite.
 * The last line is one JSON object with the figures.
 */
import 'reflect-metadata';
import { MessageRouter } from '../src/bot/router';
import { OutboundService } from '../src/outbound/outbound.service';
import { LeaderboardService } from '../src/quiz/leaderboard.service';
import type { InboundChat } from '../src/bot/inbound';
import { numberOption, percentile } from './options';
import { openRound, runBench, seedMembers, withBenchApp } from './scaffold';

const round2 = (n: number) => Math.round(n * 100) / 100;

const MEMBERS = numberOption('members', 70_000);
const QUESTIONS = numberOption('questions', 10);
const CONCURRENCY = numberOption('concurrency', 100);
const UNITS = 60;

/** Any plausible reply to the question in a bot message. */
function replyTo(reply: string, random: () => number): string {
  const message = reply.slice(reply.lastIndexOf('题/共'));
  if (message.includes('【填空】')) return random() < 0.5 ? '襄阳' : '7万余人次';
  if (message.includes('【判断】')) return random() < 0.5 ? '对' : '错';
  const letters = [...message.matchAll(/^([A-H])\. /gm)].map((m) => m[1]);
  if (message.includes('【多选】')) return letters.filter(() => random() < 0.5).join('') || letters[0];
  return letters[Math.floor(random() * letters.length)];
}

async function main(): Promise<void> {
  await withBenchApp({ DATABASE_POOL_SIZE: '16', FLOOD_MAX_PER_MINUTE: '1000', QUIZ_TICK_MS: '1000' }, async ({ app, prisma, db, peakRssMb }) => {
    const router = app.get(MessageRouter);
    const outbound = app.get(OutboundService);

    // Setup (not measured): units with headcounts, members bound to them, an open round.
    await seedMembers(prisma, MEMBERS, UNITS);
    const round = await openRound({ app, prisma }, '压力测试轮', QUESTIONS);

    const latencies: number[] = [];
    let sequence = 0;
    let acknowledged = 0;
    const send = async (member: number, text: string): Promise<string> => {
      const chat: InboundChat = {
        messageId: `bench-${member}-${sequence++}`,
        talker: { id: `wxid_bench_${member}`, name: `成员${member}` },
        text,
        kind: 'text',
        mentioned: false,
        sentAt: new Date(),
      };
      const started = performance.now();
      const replies = await router.route(chat);
      await outbound.enqueue(replies);
      latencies.push(performance.now() - started);
      return replies.map((r) => r.body).join('\n');
    };

    const runMembers = async (work: (member: number) => Promise<void>) => {
      let next = 1;
      const worker = async () => {
        while (next <= MEMBERS) await work(next++);
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, MEMBERS) }, worker));
    };

    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const questionOf = new Map<number, string>();
    const startedAt = performance.now();
    await runMembers(async (m) => {
      questionOf.set(m, await send(m, '答题'));
    });
    const startMs = performance.now() - startedAt;
    latencies.length = 0;

    const answersStarted = performance.now();
    await runMembers(async (m) => {
      let message = questionOf.get(m)!;
      for (let q = 0; q < QUESTIONS; q++) {
        const reply = await send(m, replyTo(message, random));
        if (!/回答正确|回答错误/.test(reply)) throw new Error(`member ${m}: unexpected reply ${reply.slice(0, 80)}`);
        acknowledged++;
        message = reply;
      }
      questionOf.delete(m);
    });
    const answerSeconds = (performance.now() - answersStarted) / 1000;

    const [{ n: stored }] = await prisma.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM answer a JOIN attempt t ON t.id = a.attempt_id WHERE t.round_id = $1',
      [round.id],
    );
    const reportStarted = performance.now();
    const report = await app.get(LeaderboardService).unitReport(round.id);
    const reportMs = performance.now() - reportStarted;
    const participants = report.reduce((s, u) => s + u.participants, 0);
    if (participants !== MEMBERS) throw new Error(`report counts ${participants} participants, expected ${MEMBERS}`);

    latencies.sort((a, b) => a - b);
    const result = {
      database: db.kind,
      members: MEMBERS,
      questions: QUESTIONS,
      concurrency: CONCURRENCY,
      answers: acknowledged,
      lostAnswers: acknowledged - stored,
      answersPerSecond: Math.round(acknowledged / answerSeconds),
      startPhaseSeconds: Math.round(startMs / 100) / 10,
      p50ReplyMs: round2(percentile(latencies, 0.5)),
      p99ReplyMs: round2(percentile(latencies, 0.99)),
      reportMs: Math.round(reportMs),
      peakRssMb: peakRssMb(),
    };
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    process.stderr.write(`memory: rss ${Math.round(memory.rss / 1048576)} MB, heap used ${Math.round(memory.heapUsed / 1048576)} MB, external ${Math.round(memory.external / 1048576)} MB, array buffers ${Math.round(memory.arrayBuffers / 1048576)} MB\n`);
    process.stderr.write(`answers phase ${answerSeconds.toFixed(1)} s; unit report rows ${report.length}\n`);
    console.log(JSON.stringify(result));
  });
}

runBench(main);
