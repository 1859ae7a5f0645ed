/** What every benchmark stands on: a fresh database, the real app over it, its peak memory, bulk-made members. */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/config';
import { PrismaService } from '../src/db/prisma.service';
import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch-database';
import { StatusService } from '../src/health/status.service';
import { AttemptsService } from '../src/quiz/attempts.service';

export interface BenchApp {
  app: INestApplication;
  prisma: PrismaService;
  db: ScratchDatabase;
  /** the app's address when it was asked to listen */
  url?: string;
  /** the largest resident set seen so far, in MB */
  peakRssMb(): number;
}

export interface BenchOptions {
  /** serve HTTP on a free loopback port */
  listen?: boolean;
  /** leave the database in place for a closer look */
  keep?: boolean;
}

/**
 * Runs `work` against the real app on a fresh database: on the PostgreSQL server in DATABASE_URL
 * (created for the run, dropped after) or on embedded PGlite when unset. `env` adds to the
 * configuration of a service without a bot.
 */
export async function withBenchApp(env: Record<string, string>, work: (bench: BenchApp) => Promise<void>, options: BenchOptions = {}): Promise<void> {
  const db = await createScratchDatabase(process.env.DATABASE_URL, 'bench');
  let peakRss = 0;
  // rss() alone: the full memoryUsage() also walks the heap spaces, which showed in profiles of the load.
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));
  const sampler = setInterval(sample, 50);
  let app: INestApplication | undefined;
  try {
    app = await createApp(loadConfig({ ...db.env, BOT_ENABLED: 'false', LOG_LEVEL: 'warn', ...env }));
    let url: string | undefined;
    if (options.listen) {
      await app.listen(0, '127.0.0.1');
      app.get(StatusService).markReady(true);
      url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    } else {
      await app.init();
    }
    await work({ app, prisma: app.get(PrismaService), db, url, peakRssMb: () => Math.round(sample() / 1048576) });
  } finally {
    clearInterval(sampler);
    await app?.close();
    if (options.keep) process.stderr.write(`kept: ${db.env.DATABASE_URL ?? db.env.DATA_DIR}\n`);
    else await db.drop();
  }
}

/** `units` units named 单位1… with room for a quarter more members than they get, and `members` members bound round-robin to them. */
export async function seedMembers(prisma: PrismaService, members: number, units: number): Promise<Array<{ id: number }>> {
  await prisma.sql.query(
    `INSERT INTO unit (name, headcount, updated_at) SELECT '单位' || g, $1::int, now() FROM generate_series(1, $2::int) g`,
    [Math.ceil((members * 1.25) / units), units],
  );
  return prisma.sql.query<{ id: number }>(
    `INSERT INTO member (wechat_id, name, unit_id, bound_at, updated_at)
     SELECT 'wxid_bench_' || g, '成员' || g, (SELECT id FROM unit WHERE name = '单位' || (1 + g % $2::int)), now(), now()
       FROM generate_series(1, $1::int) g RETURNING id`,
    [members, units],
  );
}

/** Runs a benchmark's main and exits non-zero on failure. */
export function runBench(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

/** A round open from a minute ago for a day, on the shipped city bank, without time limits. */
export async function openRound(bench: Pick<BenchApp, 'app' | 'prisma'>, title: string, questionCount: number, channels?: string[]) {
  const bank = await bench.prisma.bank.findUniqueOrThrow({ where: { slug: 'tongzhan-cities' } });
  const round = await bench.prisma.round.create({
    data: {
      bankId: bank.id,
      title,
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 86_400_000),
      questionCount,
      secondsPerQuestion: 0,
      ...(channels ? { channels } : {}),
      status: 'open',
      openedAt: new Date(),
    },
  });
  bench.app.get(AttemptsService).forgetRounds();
  return round;
}
