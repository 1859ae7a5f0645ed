/**
 * npm run bench:web -- --members 20000 --questions 10 --connections 200
 *
 * Members fetch their web paper and submit it over HTTP through the real app on loopback, driven
 * by autocannon. Setup (units, members, an open web round, the personal links) is bulk SQL and
 * not measured. Runs on the PostgreSQL server in DATABASE_URL (a fresh database, dropped after)
 * or on embedded PGlite. The last line is one JSON object with the figures.
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WebLinksService } from '../src/web/web-links.service';
import { numberOption } from './options';
import { openRound, runBench, seedMembers, withBenchApp } from './scaffold';
import type { LoadPhase, LoadResult } from './web-load';

const MEMBERS = numberOption('members', 20_000);
const QUESTIONS = numberOption('questions', 10);
const CONNECTIONS = numberOption('connections', 200);
const UNITS = 60;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** One phase of load, driven from a worker thread so the generator does not share the app's event loop. */
function load(input: LoadPhase): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'web-load.js'), { workerData: input });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  // The service's own defaults otherwise (a pool of 10 connections: more only contend on 2 cores).
  const env = { QUIZ_TICK_MS: '1000', PUBLIC_URL: 'http://127.0.0.1', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' };
  await withBenchApp(env, async ({ app, prisma, db, url, peakRssMb }) => {
    const members = await seedMembers(prisma, MEMBERS, UNITS);
    const round = await openRound({ app, prisma }, '网页压力测试轮', QUESTIONS, ['web']);
    const links = app.get(WebLinksService);
    const tokens = members.map((m) => links.personalToken(m.id, round));

    const paperRun = await load({ phase: 'papers', url: url!, connections: CONNECTIONS, tokens });
    const papers = paperRun.papers!;
    const fetched = papers.filter(Boolean).length;
    if (fetched !== MEMBERS) throw new Error(`only ${fetched} of ${MEMBERS} papers fetched (${paperRun.non2xx} non-2xx, ${paperRun.errors} errors)`);

    const submitRun = await load({ phase: 'submits', url: url!, connections: CONNECTIONS, tokens, papers: papers as Array<{ attemptId: number; answers: string[] }> });
    const submits = submitRun.ok!;
    const [{ n: stored }] = await prisma.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM attempt WHERE round_id = $1 AND channel = 'web' AND finished_at IS NOT NULL",
      [round.id],
    );
    const result = {
      database: db.kind,
      members: MEMBERS,
      questions: QUESTIONS,
      connections: CONNECTIONS,
      submits,
      lostSubmits: submits - stored,
      submitsPerSecond: Math.round(submits / submitRun.duration),
      p50SubmitMs: round2(submitRun.p50),
      p99SubmitMs: round2(submitRun.p99),
      papersPerSecond: Math.round(fetched / paperRun.duration),
      peakRssMb: peakRssMb(),
    };
    process.stderr.write(`papers: ${paperRun.duration.toFixed(1)} s, p99 ${paperRun.p99} ms; submits: ${submitRun.duration.toFixed(1)} s, non-2xx ${submitRun.non2xx}\n`);
    console.log(JSON.stringify(result));
  }, { listen: true });
}

runBench(main);
