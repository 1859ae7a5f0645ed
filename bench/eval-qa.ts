/**
 * Accuracy of the question matcher on evaluation sets.
 *   node dist/bench/eval-qa.js [--set test/fixtures/qa-dev.yaml | --sets dev,fresh-tune]
 *                              [--answer 0.56] [--suggest 0.35] [--verbose] [--unseen]
 * With --unseen, each set is measured without its own questions in knowledge/asked (a tune half's,
 * or a whole set's tune half): as if none of it had been collected. Without --set, the sets of
 * DEFAULT_SETS (or those named by --sets) are evaluated in one run
 * (a relative --set path is taken from the repository root). With --verbose, every item not right is listed on stderr.
 * Prints a per-kind table per set and a per-set summary to stderr and, as the last stdout line,
 * one JSON object: the metrics of the one set given, or `{ sets: { name: metrics } }`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../src/common/paths';
import { numberOption, percentile, stringOption } from './options';
import { answeredIds, decide, DEFAULT_THRESHOLDS, type Decision, KnowledgeIndex, type Thresholds } from '../src/knowledge/matching';
import { shippedIndex } from '../src/knowledge/shipped-index';

/** The sets `npm run eval:qa` evaluates, by the name they are reported under. */
const DEFAULT_SETS: Record<string, string> = {
  dev: 'test/fixtures/qa-dev.yaml',
  holdout: 'test/fixtures/qa-holdout.yaml',
  'fresh-tune': 'test/fixtures/qa-fresh-tune.yaml',
  'fresh-test': 'test/fixtures/qa-fresh-test.yaml',
  'fresh2-tune': 'test/fixtures/qa-fresh2-tune.yaml',
  'fresh2-test': 'test/fixtures/qa-fresh2-test.yaml',
  'fresh3-tune': 'test/fixtures/qa-fresh3-tune.yaml',
  'fresh3-test': 'test/fixtures/qa-fresh3-test.yaml',
  'fresh4-tune': 'test/fixtures/qa-fresh4-tune.yaml',
  'fresh4-test': 'test/fixtures/qa-fresh4-test.yaml',
  'fresh5-tune': 'test/fixtures/qa-fresh5-tune.yaml',
  'fresh5-test': 'test/fixtures/qa-fresh5-test.yaml',
  'fresh6-tune': 'test/fixtures/qa-fresh6-tune.yaml',
  'fresh6-test': 'test/fixtures/qa-fresh6-test.yaml',
  'fresh7-tune': 'test/fixtures/qa-fresh7-tune.yaml',
  'fresh7-test': 'test/fixtures/qa-fresh7-test.yaml',
  'fresh8-tune': 'test/fixtures/qa-fresh8-tune.yaml',
  'fresh8-test': 'test/fixtures/qa-fresh8-test.yaml',
  'fresh9-tune': 'test/fixtures/qa-fresh9-tune.yaml',
  'fresh9-test': 'test/fixtures/qa-fresh9-test.yaml',
  'fresh10-tune': 'test/fixtures/qa-fresh10-tune.yaml',
  'fresh10-test': 'test/fixtures/qa-fresh10-test.yaml',
  'fresh11-tune': 'test/fixtures/qa-fresh11-tune.yaml',
  'fresh11-test': 'test/fixtures/qa-fresh11-test.yaml',
  'fresh12-tune': 'test/fixtures/qa-fresh12-tune.yaml',
  'fresh12-test': 'test/fixtures/qa-fresh12-test.yaml',
  'fresh13-tune': 'test/fixtures/qa-fresh13-tune.yaml',
  'fresh13-test': 'test/fixtures/qa-fresh13-test.yaml',
  'fresh14-tune': 'test/fixtures/qa-fresh14-tune.yaml',
  'fresh14-test': 'test/fixtures/qa-fresh14-test.yaml',
  'fresh15-tune': 'test/fixtures/qa-fresh15-tune.yaml',
  'fresh15-test': 'test/fixtures/qa-fresh15-test.yaml',
  fresh16: 'test/fixtures/qa-fresh16.yaml',
  'fresh17-tune': 'test/fixtures/qa-fresh17-tune.yaml',
  'fresh17-test': 'test/fixtures/qa-fresh17-test.yaml',
  'fresh18-tune': 'test/fixtures/qa-fresh18-tune.yaml',
  'fresh18-test': 'test/fixtures/qa-fresh18-test.yaml',
  'fresh19-tune': 'test/fixtures/qa-fresh19-tune.yaml',
  'fresh19-test': 'test/fixtures/qa-fresh19-test.yaml',
  'fresh20-tune': 'test/fixtures/qa-fresh20-tune.yaml',
  'fresh20-test': 'test/fixtures/qa-fresh20-test.yaml',
  'fresh21-tune': 'test/fixtures/qa-fresh21-tune.yaml',
  'fresh21-test': 'test/fixtures/qa-fresh21-test.yaml',
  'fresh22-tune': 'test/fixtures/qa-fresh22-tune.yaml',
  'fresh22-test': 'test/fixtures/qa-fresh22-test.yaml',
  'fresh23-tune': 'test/fixtures/qa-fresh23-tune.yaml',
  'fresh23-test': 'test/fixtures/qa-fresh23-test.yaml',
  'fresh24-tune': 'test/fixtures/qa-fresh24-tune.yaml',
  'fresh24-test': 'test/fixtures/qa-fresh24-test.yaml',
  'fresh25-tune': 'test/fixtures/qa-fresh25-tune.yaml',
  'fresh25-test': 'test/fixtures/qa-fresh25-test.yaml',
  fresh26: 'test/fixtures/qa-fresh26.yaml',
  fresh27: 'test/fixtures/qa-fresh27.yaml',
  'fresh28-tune': 'test/fixtures/qa-fresh28-tune.yaml',
  'fresh29-tune': 'test/fixtures/qa-fresh29-tune.yaml',
  'fresh30-tune': 'test/fixtures/qa-fresh30-tune.yaml',
  'fresh31-tune': 'test/fixtures/qa-fresh31-tune.yaml',
  'fresh31-test': 'test/fixtures/qa-fresh31-test.yaml',
  'fresh32-tune': 'test/fixtures/qa-fresh32-tune.yaml',
  'fresh32-test': 'test/fixtures/qa-fresh32-test.yaml',
  'fresh33-tune': 'test/fixtures/qa-fresh33-tune.yaml',
  'fresh33-test': 'test/fixtures/qa-fresh33-test.yaml',
  'fresh34-tune': 'test/fixtures/qa-fresh34-tune.yaml',
  'fresh34-test': 'test/fixtures/qa-fresh34-test.yaml',
  'fresh35-tune': 'test/fixtures/qa-fresh35-tune.yaml',
  'fresh35-test': 'test/fixtures/qa-fresh35-test.yaml',
  'fresh36-tune': 'test/fixtures/qa-fresh36-tune.yaml',
  'fresh36-test': 'test/fixtures/qa-fresh36-test.yaml',
  'fresh37-tune': 'test/fixtures/qa-fresh37-tune.yaml',
  'fresh37-test': 'test/fixtures/qa-fresh37-test.yaml',
  'fresh38-tune': 'test/fixtures/qa-fresh38-tune.yaml',
  'fresh38-test': 'test/fixtures/qa-fresh38-test.yaml',
  'fresh39-tune': 'test/fixtures/qa-fresh39-tune.yaml',
  'fresh39-test': 'test/fixtures/qa-fresh39-test.yaml',
  'fresh40-tune': 'test/fixtures/qa-fresh40-tune.yaml',
  'fresh40-test': 'test/fixtures/qa-fresh40-test.yaml',
  'fresh41-tune': 'test/fixtures/qa-fresh41-tune.yaml',
  'fresh41-test': 'test/fixtures/qa-fresh41-test.yaml',
  'fresh42-tune': 'test/fixtures/qa-fresh42-tune.yaml',
  'fresh42-test': 'test/fixtures/qa-fresh42-test.yaml',
  'fresh43-tune': 'test/fixtures/qa-fresh43-tune.yaml',
  'fresh43-test': 'test/fixtures/qa-fresh43-test.yaml',
  'fresh44-tune': 'test/fixtures/qa-fresh44-tune.yaml',
  'fresh44-test': 'test/fixtures/qa-fresh44-test.yaml',
  'fresh45-tune': 'test/fixtures/qa-fresh45-tune.yaml',
  'fresh45-test': 'test/fixtures/qa-fresh45-test.yaml',
  'fresh46-tune': 'test/fixtures/qa-fresh46-tune.yaml',
  'fresh46-test': 'test/fixtures/qa-fresh46-test.yaml',
  'fresh47-tune': 'test/fixtures/qa-fresh47-tune.yaml',
  'fresh47-test': 'test/fixtures/qa-fresh47-test.yaml',
  'fresh48-tune': 'test/fixtures/qa-fresh48-tune.yaml',
  'fresh48-test': 'test/fixtures/qa-fresh48-test.yaml',
  'fresh49-tune': 'test/fixtures/qa-fresh49-tune.yaml',
  'fresh49-test': 'test/fixtures/qa-fresh49-test.yaml',
  'fresh50-tune': 'test/fixtures/qa-fresh50-tune.yaml',
  'fresh50-test': 'test/fixtures/qa-fresh50-test.yaml',
  'fresh51-tune': 'test/fixtures/qa-fresh51-tune.yaml',
  'fresh51-test': 'test/fixtures/qa-fresh51-test.yaml',
  'fresh52-tune': 'test/fixtures/qa-fresh52-tune.yaml',
  'fresh52-test': 'test/fixtures/qa-fresh52-test.yaml',
  'fresh53-tune': 'test/fixtures/qa-fresh53-tune.yaml',
  'fresh53-test': 'test/fixtures/qa-fresh53-test.yaml',
  'fresh54-tune': 'test/fixtures/qa-fresh54-tune.yaml',
  'fresh54-test': 'test/fixtures/qa-fresh54-test.yaml',
  'fresh55-tune': 'test/fixtures/qa-fresh55-tune.yaml',
  'fresh55-test': 'test/fixtures/qa-fresh55-test.yaml',
  'fresh56-tune': 'test/fixtures/qa-fresh56-tune.yaml',
  'fresh56-test': 'test/fixtures/qa-fresh56-test.yaml',
  'fresh57-tune': 'test/fixtures/qa-fresh57-tune.yaml',
  'fresh57-test': 'test/fixtures/qa-fresh57-test.yaml',
  'fresh58-tune': 'test/fixtures/qa-fresh58-tune.yaml',
  'fresh58-test': 'test/fixtures/qa-fresh58-test.yaml',
  'fresh59-tune': 'test/fixtures/qa-fresh59-tune.yaml',
  'fresh59-test': 'test/fixtures/qa-fresh59-test.yaml',
  'fresh60-tune': 'test/fixtures/qa-fresh60-tune.yaml',
  'fresh60-test': 'test/fixtures/qa-fresh60-test.yaml',
  'fresh61-tune': 'test/fixtures/qa-fresh61-tune.yaml',
  'fresh61-test': 'test/fixtures/qa-fresh61-test.yaml',
  'fresh62-tune': 'test/fixtures/qa-fresh62-tune.yaml',
  'fresh62-test': 'test/fixtures/qa-fresh62-test.yaml',
  'fresh63-tune': 'test/fixtures/qa-fresh63-tune.yaml',
  'fresh63-test': 'test/fixtures/qa-fresh63-test.yaml',
  fresh64: 'test/fixtures/qa-fresh64.yaml',
  fresh65: 'test/fixtures/qa-fresh65.yaml',
  'fresh66-tune': 'test/fixtures/qa-fresh66-tune.yaml',
  'fresh66-test': 'test/fixtures/qa-fresh66-test.yaml',
  'fresh67-tune': 'test/fixtures/qa-fresh67-tune.yaml',
  'fresh67-test': 'test/fixtures/qa-fresh67-test.yaml',
  'fresh68-tune': 'test/fixtures/qa-fresh68-tune.yaml',
  'fresh68-test': 'test/fixtures/qa-fresh68-test.yaml',
  fresh69: 'test/fixtures/qa-fresh69.yaml',
  fresh70: 'test/fixtures/qa-fresh70.yaml',
  'fresh71-tune': 'test/fixtures/qa-fresh71-tune.yaml',
  'fresh71-test': 'test/fixtures/qa-fresh71-test.yaml',
  'fresh72-tune': 'test/fixtures/qa-fresh72-tune.yaml',
  'fresh72-test': 'test/fixtures/qa-fresh72-test.yaml',
  'fresh73-tune': 'test/fixtures/qa-fresh73-tune.yaml',
  'fresh73-test': 'test/fixtures/qa-fresh73-test.yaml',
  fresh74: 'test/fixtures/qa-fresh74.yaml',
  'fresh75-tune': 'test/fixtures/qa-fresh75-tune.yaml',
  'fresh75-test': 'test/fixtures/qa-fresh75-test.yaml',
  'fresh76-tune': 'test/fixtures/qa-fresh76-tune.yaml',
  'fresh76-test': 'test/fixtures/qa-fresh76-test.yaml',
  'fresh77-tune': 'test/fixtures/qa-fresh77-tune.yaml',
  'fresh77-test': 'test/fixtures/qa-fresh77-test.yaml',
  fresh78: 'test/fixtures/qa-fresh78.yaml',
  'fresh79-tune': 'test/fixtures/qa-fresh79-tune.yaml',
  'fresh79-test': 'test/fixtures/qa-fresh79-test.yaml',
  fresh80: 'test/fixtures/qa-fresh80.yaml',
  'fresh81-tune': 'test/fixtures/qa-fresh81-tune.yaml',
  'fresh81-test': 'test/fixtures/qa-fresh81-test.yaml',
  'fresh82-tune': 'test/fixtures/qa-fresh82-tune.yaml',
  'fresh82-test': 'test/fixtures/qa-fresh82-test.yaml',
  'fresh83-tune': 'test/fixtures/qa-fresh83-tune.yaml',
  'fresh83-test': 'test/fixtures/qa-fresh83-test.yaml',
  'fresh84-tune': 'test/fixtures/qa-fresh84-tune.yaml',
  'fresh84-test': 'test/fixtures/qa-fresh84-test.yaml',
  fresh85: 'test/fixtures/qa-fresh85.yaml',
  'fresh86-tune': 'test/fixtures/qa-fresh86-tune.yaml',
  'fresh86-test': 'test/fixtures/qa-fresh86-test.yaml',
  'fresh87-tune': 'test/fixtures/qa-fresh87-tune.yaml',
  'fresh87-test': 'test/fixtures/qa-fresh87-test.yaml',
  'fresh88-tune': 'test/fixtures/qa-fresh88-tune.yaml',
  'fresh88-test': 'test/fixtures/qa-fresh88-test.yaml',
  'fresh89-tune': 'test/fixtures/qa-fresh89-tune.yaml',
  'fresh89-test': 'test/fixtures/qa-fresh89-test.yaml',
  'fresh90-tune': 'test/fixtures/qa-fresh90-tune.yaml',
  'fresh90-test': 'test/fixtures/qa-fresh90-test.yaml',
  'fresh91-tune': 'test/fixtures/qa-fresh91-tune.yaml',
  'fresh91-test': 'test/fixtures/qa-fresh91-test.yaml',
  'fresh92-tune': 'test/fixtures/qa-fresh92-tune.yaml',
  'fresh92-test': 'test/fixtures/qa-fresh92-test.yaml',
  fresh93: 'test/fixtures/qa-fresh93.yaml',
  'fresh94-tune': 'test/fixtures/qa-fresh94-tune.yaml',
  'fresh94-test': 'test/fixtures/qa-fresh94-test.yaml',
  'fresh95-tune': 'test/fixtures/qa-fresh95-tune.yaml',
  'fresh95-test': 'test/fixtures/qa-fresh95-test.yaml',
  'fresh96-tune': 'test/fixtures/qa-fresh96-tune.yaml',
  'fresh96-test': 'test/fixtures/qa-fresh96-test.yaml',
  fresh97: 'test/fixtures/qa-fresh97.yaml',
  'fresh98-tune': 'test/fixtures/qa-fresh98-tune.yaml',
  'fresh98-test': 'test/fixtures/qa-fresh98-test.yaml',
  fresh99: 'test/fixtures/qa-fresh99.yaml',
  'fresh100-tune': 'test/fixtures/qa-fresh100-tune.yaml',
  'fresh100-test': 'test/fixtures/qa-fresh100-test.yaml',
  'fresh101-tune': 'test/fixtures/qa-fresh101-tune.yaml',
  'fresh101-test': 'test/fixtures/qa-fresh101-test.yaml',
  'fresh102-tune': 'test/fixtures/qa-fresh102-tune.yaml',
  'fresh102-test': 'test/fixtures/qa-fresh102-test.yaml',
  'fresh103-tune': 'test/fixtures/qa-fresh103-tune.yaml',
  'fresh103-test': 'test/fixtures/qa-fresh103-test.yaml',
  fresh104: 'test/fixtures/qa-fresh104.yaml',
  'fresh105-tune': 'test/fixtures/qa-fresh105-tune.yaml',
  'fresh105-test': 'test/fixtures/qa-fresh105-test.yaml',
  fresh106: 'test/fixtures/qa-fresh106.yaml',
  fresh107: 'test/fixtures/qa-fresh107.yaml',
  fresh108: 'test/fixtures/qa-fresh108.yaml',
  fresh109: 'test/fixtures/qa-fresh109.yaml',
  'fresh110-tune': 'test/fixtures/qa-fresh110-tune.yaml',
  'fresh110-test': 'test/fixtures/qa-fresh110-test.yaml',
  'fresh111-tune': 'test/fixtures/qa-fresh111-tune.yaml',
  'fresh111-test': 'test/fixtures/qa-fresh111-test.yaml',
  fresh112: 'test/fixtures/qa-fresh112.yaml',
  'fresh113-tune': 'test/fixtures/qa-fresh113-tune.yaml',
  'fresh113-test': 'test/fixtures/qa-fresh113-test.yaml',
  'fresh114-tune': 'test/fixtures/qa-fresh114-tune.yaml',
  'fresh114-test': 'test/fixtures/qa-fresh114-test.yaml',
  fresh115: 'test/fixtures/qa-fresh115.yaml',
  fresh116: 'test/fixtures/qa-fresh116.yaml',
  'fresh117-tune': 'test/fixtures/qa-fresh117-tune.yaml',
  'fresh117-test': 'test/fixtures/qa-fresh117-test.yaml',
  fresh118: 'test/fixtures/qa-fresh118.yaml',
  'fresh119-tune': 'test/fixtures/qa-fresh119-tune.yaml',
  'fresh119-test': 'test/fixtures/qa-fresh119-test.yaml',
  'fresh120-tune': 'test/fixtures/qa-fresh120-tune.yaml',
  'fresh120-test': 'test/fixtures/qa-fresh120-test.yaml',
  fresh121: 'test/fixtures/qa-fresh121.yaml',
  'fresh122-tune': 'test/fixtures/qa-fresh122-tune.yaml',
  'fresh122-test': 'test/fixtures/qa-fresh122-test.yaml',
  fresh123: 'test/fixtures/qa-fresh123.yaml',
  fresh124: 'test/fixtures/qa-fresh124.yaml',
  fresh125: 'test/fixtures/qa-fresh125.yaml',
  'fresh126-tune': 'test/fixtures/qa-fresh126-tune.yaml',
  'fresh126-test': 'test/fixtures/qa-fresh126-test.yaml',
  'fresh127-tune': 'test/fixtures/qa-fresh127-tune.yaml',
  'fresh127-test': 'test/fixtures/qa-fresh127-test.yaml',
  'fresh128-tune': 'test/fixtures/qa-fresh128-tune.yaml',
  'fresh128-test': 'test/fixtures/qa-fresh128-test.yaml',
  'fresh129-tune': 'test/fixtures/qa-fresh129-tune.yaml',
  'fresh129-test': 'test/fixtures/qa-fresh129-test.yaml',
  fresh130: 'test/fixtures/qa-fresh130.yaml',
  fresh131: 'test/fixtures/qa-fresh131.yaml',
  fresh132: 'test/fixtures/qa-fresh132.yaml',
  'fresh133-tune': 'test/fixtures/qa-fresh133-tune.yaml',
  'fresh133-test': 'test/fixtures/qa-fresh133-test.yaml',
  'fresh134-tune': 'test/fixtures/qa-fresh134-tune.yaml',
  'fresh134-test': 'test/fixtures/qa-fresh134-test.yaml',
  fresh135: 'test/fixtures/qa-fresh135.yaml',
};

const itemSchema = z.object({
  text: z.string().min(1),
  expect: z.string().min(1).nullable(),
  kind: z.string().default('unspecified'),
});
type EvalItem = z.output<typeof itemSchema>;
type Result = { item: EvalItem; decision: Decision };
type Metrics = ReturnType<typeof metricsOf>;

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** Answered with the expected entry (alone or beside another the question also names), or (out of scope) not answered. */
function isRight(item: EvalItem, decision: Decision): boolean {
  return decision.kind === 'answer' ? answeredIds(decision).includes(item.expect ?? '') : item.expect === null;
}

function line(cells: Array<string | number>, first = 14): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(first) : String(c).padStart(10))).join('') + '\n';
}

function printKinds(name: string, results: Result[]): void {
  const rows = new Map<string, number[]>(); // n, right, wrongly answered, suggest, none
  for (const { item, decision } of results) {
    const row = rows.get(item.kind) ?? [0, 0, 0, 0, 0];
    rows.set(item.kind, row);
    row[0]++;
    if (isRight(item, decision)) row[1]++;
    if (decision.kind === 'answer' && !isRight(item, decision)) row[2]++;
    if (decision.kind === 'suggest') row[3]++;
    if (decision.kind === 'none') row[4]++;
  }
  process.stderr.write(`\n== ${name}\n` + line(['kind', 'n', 'right', 'wrong', 'suggest', 'none']));
  for (const [kind, row] of [...rows].sort()) process.stderr.write(line([kind, ...row]));
}

function metricsOf(results: Result[], times: number[]) {
  const inScope = results.filter((r) => r.item.expect !== null);
  const outOfScope = results.filter((r) => r.item.expect === null);
  const answered = (list: Result[], right: boolean) =>
    list.filter(({ item, decision }) => decision.kind === 'answer' && isRight(item, decision) === right).length;
  const suggestedIn = inScope.filter((r) => r.decision.kind === 'suggest');
  const share = (n: number, of: number) => round(of ? n / of : 0);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    items: results.length,
    inScope: inScope.length,
    outOfScope: outOfScope.length,
    inScopeAccuracy: share(answered(inScope, true), inScope.length),
    // Of the in-scope items that got suggestions instead of an answer, the share listing the expected entry.
    suggestedCorrect: share(
      suggestedIn.filter((r) => r.decision.suggestions.some((s) => s.id === r.item.expect)).length,
      suggestedIn.length,
    ),
    // Of all items, the share answered with suggestions.
    suggestionRate: share(results.filter((r) => r.decision.kind === 'suggest').length, results.length),
    falseAcceptRate: share(answered(outOfScope, false), outOfScope.length),
    wrongAnswerRate: share(answered(inScope, false), inScope.length),
    p50Ms: round(percentile(sorted, 0.5), 3),
    p99Ms: round(percentile(sorted, 0.99), 3),
  };
}

function evaluate(index: KnowledgeIndex, items: EvalItem[], thresholds: Thresholds, verbose: boolean) {
  // A running service has long been through its JIT tiers; a few rounds get the timing there too.
  for (let round = 0; round < 5; round++) for (const item of items) decide(index, item.text, thresholds);
  const results: Result[] = [];
  const times: number[] = [];
  for (const item of items) {
    const start = process.hrtime.bigint();
    const decision = decide(index, item.text, thresholds);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    results.push({ item, decision });
    if (verbose && !isRight(item, decision)) {
      const got = decision.kind === 'answer' ? answeredIds(decision).join('+') : decision.kind;
      const top = index.match(item.text, 2).map((m) => `${m.id}:${m.score.toFixed(2)}`).join(' ');
      process.stderr.write(`MISS [${item.kind}] ${item.text} -> ${got} (${decision.score.toFixed(2)}) `);
      process.stderr.write(`want ${item.expect} | ${top}\n`);
    }
  }
  return { results, times };
}

function printSummary(metrics: Record<string, Metrics>): void {
  process.stderr.write('\n' + line(['set', 'items', 'in-scope', 'accuracy', 'false acc', 'wrong', 'suggest', 'p50 ms'], 12));
  for (const [name, m] of Object.entries(metrics)) {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    const cells = [name, m.items, m.inScope, pct(m.inScopeAccuracy), pct(m.falseAcceptRate), pct(m.wrongAnswerRate)];
    process.stderr.write(line([...cells, pct(m.suggestionRate), m.p50Ms], 12));
  }
  process.stderr.write('accuracy: in-scope answered with the expected entry; false acc: out-of-scope answered; wrong: in-scope answered with another entry\n');
}

/** A set's name from its file (test/fixtures/qa-fresh34-tune.yaml: fresh34-tune). */
function setName(path: string): string {
  return basename(path, '.yaml').replace(/^qa-/, '');
}

/** The knowledge/asked file holding a set's questions (its tune half's), if one was collected. */
function ownAskedFile(knowledgeDir: string, setName: string): string | undefined {
  const file = `${setName.replace(/-(tune|test)$/, '')}-tune.yaml`;
  return !setName.endsWith('-test') && existsSync(join(knowledgeDir, 'asked', file)) ? file : undefined;
}

function main(): void {
  const root = projectRoot();
  const one = stringOption('set');
  const named = stringOption('sets')?.split(',');
  for (const name of named ?? []) if (!DEFAULT_SETS[name]) throw new Error(`--sets: unknown set ${name}`);
  const sets = one
    ? { [setName(one)]: one }
    : Object.fromEntries(Object.entries(DEFAULT_SETS).filter(([name]) => !named || named.includes(name)));
  const unseen = process.argv.includes('--unseen');
  const knowledge = join(root, 'knowledge');
  if (one && unseen && !ownAskedFile(knowledge, setName(one))) {
    process.stderr.write(`--unseen: no questions of ${basename(one)} in knowledge/asked; measured as it is\n`);
  }
  const thresholds = {
    answer: numberOption('answer', DEFAULT_THRESHOLDS.answer),
    suggest: numberOption('suggest', DEFAULT_THRESHOLDS.suggest),
  };
  const verbose = process.argv.includes('--verbose');
  const shipped = shippedIndex(knowledge);
  const metrics: Record<string, Metrics> = {};
  for (const [name, path] of Object.entries(sets)) {
    const items: EvalItem[] = z.array(itemSchema).parse(parse(readFileSync(resolve(root, path), 'utf8')));
    const own = ownAskedFile(knowledge, name);
    const index = unseen && own ? shippedIndex(knowledge, { exceptAsked: [own] }) : shipped;
    if (verbose) process.stderr.write(`\n== ${name} misses\n`);
    const { results, times } = evaluate(index, items, thresholds, verbose);
    printKinds(name, results);
    metrics[name] = metricsOf(results, times);
  }
  printSummary(metrics);
  console.log(JSON.stringify(one ? Object.values(metrics)[0] : { sets: metrics }));
}

main();
