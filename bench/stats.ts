/**
 * npm run bench:stats -- --members 70000 --units 2000 [--questions 10] [--repeat 3]
 *
 * Fills a fresh database (on the PostgreSQL server in DATABASE_URL, created for the run and dropped
 * after, or embedded PGlite when unset) in bulk: a 3-level tree of units with headcounts on the
 * leaves, members bound to the leaves, one finished attempt each with every answer, then times
 * each report as the API serves it. Each figure is the median of --repeat runs.
 * The last line is one JSON object with the figures. --charts DIR writes the run's charts there.
 */
import 'reflect-metadata';
import { Writable } from 'node:stream';
import { PrismaService } from '../src/db/prisma.service';
import { writeCsv, writeXlsx } from '../src/stats/exports';
import { attemptsTable } from '../src/stats/report-tables';
import { StatsController } from '../src/stats/stats.controller';
import { StatsService } from '../src/stats/stats.service';
import fs from 'node:fs';
import path from 'node:path';
import { numberOption, percentile, stringOption } from './options';
import { runBench, withBenchApp } from './scaffold';

const MEMBERS = numberOption('members', 70_000);
const UNITS = Math.max(3, numberOption('units', 2000));
const QUESTIONS = numberOption('questions', 10);
const REPEAT = Math.max(1, numberOption('repeat', 3));
/** --charts DIR: also write the four charts of the run there as PNG files. */
const CHARTS_DIR = stringOption('charts');
/** --keep: leave the filled database in place (its URL is printed) for a closer look. */
const KEEP = process.argv.includes('--keep');

/** A sink that only counts bytes, standing in for the HTTP response. */
function nullSink(): Writable & { bytes: number } {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.bytes += chunk.length;
      done();
    },
  }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

async function fill(prisma: PrismaService): Promise<number> {
  const sql = prisma.sql;
  // 3 levels: about 1% top units, 9% middle, the rest leaves; headcounts on the leaves only, so
  // the upper levels take their children's.
  const top = Math.max(1, Math.round(UNITS / 100));
  const middle = Math.max(1, Math.round(UNITS * 0.09));
  const leaves = UNITS - top - middle;
  await sql.query(`INSERT INTO unit (name, headcount, updated_at) SELECT '市级单位' || g, 0, now() FROM generate_series(1, $1::int) g`, [top]);
  await sql.query(
    `INSERT INTO unit (name, parent_id, headcount, updated_at)
     SELECT '区县单位' || g, (SELECT id FROM unit WHERE name = '市级单位' || (1 + g % $2::int)), 0, now() FROM generate_series(1, $1::int) g`,
    [middle, top],
  );
  const perLeaf = Math.ceil(MEMBERS / leaves);
  await sql.query(
    `INSERT INTO unit (name, parent_id, headcount, updated_at)
     SELECT '基层支部委员会第' || g || '支部', (SELECT id FROM unit WHERE name = '区县单位' || (1 + g % $2::int)), $3::int + g % 11, now()
       FROM generate_series(1, $1::int) g`,
    [leaves, middle, Math.ceil(perLeaf * 1.6)],
  );
  // Members spread at random over the leaves (every leaf gets at least one), so rates differ.
  await sql.query(
    `INSERT INTO member (wechat_id, name, unit_id, bound_at, joined_at, updated_at)
     SELECT 'wxid_stats_' || p.g, '成员' || p.g, l.id, now() - (p.g % 14) * interval '1 day', now() - interval '20 days', now()
       FROM (SELECT g, CASE WHEN g <= $2::int THEN g - 1 ELSE floor(random() * $2::int)::int END AS k FROM generate_series(1, $1::int) g) p
       JOIN (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM unit WHERE name LIKE '基层%') l ON l.k = p.k`,
    [MEMBERS, leaves],
  );
  const bank = await prisma.bank.findUniqueOrThrow({ where: { slug: 'tongzhan-cities' }, include: { questions: { orderBy: { position: 'asc' }, take: QUESTIONS } } });
  const round = await prisma.round.create({
    data: {
      bankId: bank.id,
      title: '统计压力测试轮',
      startsAt: new Date(Date.now() - 15 * 86_400_000),
      endsAt: new Date(Date.now() - 60_000),
      questionCount: bank.questions.length,
      status: 'closed',
      closedAt: new Date(),
      resultsPostedAt: new Date(),
    },
  });
  const ids = bank.questions.map((q) => q.id);
  const counts = bank.questions.map((q) => (q.type === 'truefalse' ? 2 : q.type === 'fill' ? 0 : q.options.length));
  // One finished attempt a member; each question's options shown in a rotation that depends on the member.
  await sql.query(
    `INSERT INTO attempt (round_id, member_id, unit_id, channel, draw, position, max_score, started_at, finished_at)
     SELECT $1::int, m.id, m.unit_id, CASE WHEN m.id % 3 = 0 THEN 'web' ELSE 'chat' END,
            (SELECT jsonb_agg(jsonb_build_object('questionId', q.id,
                    'order', CASE WHEN q.n = 0 THEN '[]'::jsonb
                                  ELSE (SELECT jsonb_agg((x + m.id) % q.n ORDER BY x) FROM generate_series(0, q.n - 1) x) END) ORDER BY q.k)
               FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS q(id, n, k)),
            $4::int, $4::int * 10, now() - (m.id % 14) * interval '1 day' - (m.id % 600) * interval '1 minute',
            now() - (m.id % 14) * interval '1 day' - (m.id % 600) * interval '1 minute' + interval '5 minutes'
       FROM member m WHERE m.wechat_id LIKE 'wxid_stats_%'`,
    [round.id, ids, counts, ids.length],
  );
  // Answers: a member's ability makes right answers likelier, so the items discriminate.
  await sql.query(
    `INSERT INTO answer (attempt_id, position, question_id, response, picked, correct, points, answered_at)
     SELECT a.id, q.k - 1, q.id,
            CASE WHEN q.n = 0 THEN (ARRAY['襄阳', '武汉', '七万'])[1 + (a.id + q.k) % 3] ELSE chr(65 + ((a.id * 7 + q.k) % q.n)::int) END,
            -- the shown letter's original option, through the member's rotation above
            CASE WHEN q.n = 0 THEN 0 ELSE 1 << ((((a.id * 7 + q.k) % q.n) + a.member_id) % q.n)::int END,
            r.ok, CASE WHEN r.ok THEN 10 ELSE 0 END, a.started_at + q.k * interval '20 seconds'
       FROM attempt a
      CROSS JOIN unnest($2::int[], $3::int[]) WITH ORDINALITY AS q(id, n, k)
      CROSS JOIN LATERAL (SELECT random() < 0.25 + 0.6 * ((a.member_id % 100) / 100.0) * (1 - q.k / 20.0) AS ok) r
      WHERE a.round_id = $1`,
    [round.id, ids, counts],
  );
  await sql.query(
    `UPDATE attempt a SET score = s.score, correct_count = s.right_answers
       FROM (SELECT attempt_id, sum(points)::int AS score, count(*) FILTER (WHERE correct)::int AS right_answers FROM answer GROUP BY attempt_id) s
      WHERE s.attempt_id = a.id AND a.round_id = $1`,
    [round.id],
  );
  // As autovacuum leaves the tables soon after a bulk load: statistics, and no dead rows from the score update above.
  await sql.query('VACUUM ANALYZE');
  return round.id;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    value = await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(percentile(times, 0.5)), value };
}

async function main(): Promise<void> {
  // The bulk fill's statements each write up to 700,000 rows: more than the service's bound on one statement.
  const env = { DATABASE_POOL_SIZE: '8', TIMEZONE: 'Asia/Shanghai', DATABASE_STATEMENT_TIMEOUT_MS: '600000' };
  await withBenchApp(env, async ({ app, prisma, db, peakRssMb }) => {
    const stats = app.get(StatsService);
    const controller = app.get(StatsController);

    const fillStarted = performance.now();
    const roundId = await fill(prisma);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const [{ answers }] = await prisma.sql.query<{ answers: number }>('SELECT count(*)::int AS answers FROM answer');
    const [{ units }] = await prisma.sql.query<{ units: number }>('SELECT count(*)::int AS units FROM unit');

    const unit = await timed(() => stats.units(roundId));
    const participants = unit.value.reduce((s, r) => s + r.participants, 0);
    if (participants !== MEMBERS) throw new Error(`the unit report counts ${participants} participants, expected ${MEMBERS}`);
    const roots = unit.value.filter((r) => r.parent === null);
    if (roots.reduce((s, r) => s + r.subtree.participants, 0) !== MEMBERS) throw new Error('the roll-up lost participants');
    const questions = await timed(() => stats.questions(roundId));
    const scores = await timed(() => stats.scores(roundId));
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const daily = await timed(() => stats.daily({ to: today }));
    const round = await stats.round(roundId);
    const exportTo = async (format: 'csv' | 'xlsx') => {
      const sink = nullSink();
      const table = attemptsTable(round.title, round.scoreRule, stats.attemptPages(roundId), stats.timeZone);
      let rows = 0;
      const counting = { ...table, rows: (async function* () {
        for await (const r of table.rows as AsyncIterable<unknown>) {
          rows++;
          yield r;
        }
      })() } as typeof table;
      await (format === 'csv' ? writeCsv(counting, sink) : writeXlsx(counting, sink));
      await new Promise((resolve) => (sink.writableFinished ? resolve(undefined) : sink.on('finish', resolve)));
      return { rows, bytes: sink.bytes };
    };
    const xlsx = await timed(() => exportTo('xlsx'));
    const csv = await timed(() => exportTo('csv'));
    const png = await timed(async () => {
      const file = (await controller.units(roundId, 'png')) as { getStream(): NodeJS.ReadableStream };
      const chunks: Buffer[] = [];
      for await (const c of file.getStream()) chunks.push(c as Buffer);
      return Buffer.concat(chunks).length;
    });
    if (CHARTS_DIR) {
      fs.mkdirSync(CHARTS_DIR, { recursive: true });
      const first = new Date(Date.now() - 13 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
      const charts: Array<[string, Promise<unknown>]> = [
        ['units', controller.units(roundId, 'png')],
        ['questions', controller.questions(roundId, 'png')],
        ['scores', controller.scores(roundId, 'png')],
        ['daily', controller.daily({ from: first, to: today, format: 'png' })],
      ];
      for (const [name, pending] of charts) {
        const file = (await pending) as { getStream(): NodeJS.ReadableStream };
        const chunks: Buffer[] = [];
        for await (const c of file.getStream()) chunks.push(c as Buffer);
        fs.writeFileSync(path.join(CHARTS_DIR, `${name}.png`), Buffer.concat(chunks));
      }
    }
    const result = {
      database: db.kind,
      members: MEMBERS,
      answers,
      units,
      unitReportMs: unit.ms,
      questionsReportMs: questions.ms,
      scoresMs: scores.ms,
      dailyMs: daily.ms,
      xlsxExportMs: xlsx.ms,
      xlsxExportRows: xlsx.value.rows,
      csvExportMs: csv.ms,
      pngMs: png.ms,
      peakRssMb: peakRssMb(),
    };
    process.stderr.write(
      `fill ${fillSeconds.toFixed(1)} s; ${unit.value.length} unit rows; ${questions.value.questions.length} questions ` +
        `(discrimination ${questions.value.questions.map((q) => q.discrimination).join(' ')}); mean score ${scores.value.mean}; ` +
        `xlsx ${(xlsx.value.bytes / 1048576).toFixed(1)} MB, csv ${(csv.value.bytes / 1048576).toFixed(1)} MB, png ${png.value} bytes; median of ${REPEAT}\n`,
    );
    console.log(JSON.stringify(result));
  }, { keep: KEEP });
}

runBench(main);
