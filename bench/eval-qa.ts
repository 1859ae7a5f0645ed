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
import { basename, join } from 'node:path';
import { projectRoot } from '../src/common/paths';
import { numberOption, percentile, stringOption } from './options';
import { answeredIds, decide, DEFAULT_THRESHOLDS, type Decision, KnowledgeIndex, type Thresholds } from '../src/knowledge/matching';
import { shippedIndex } from '../src/knowledge/shipped-index';
import { DEFAULT_SETS, type EvalItem, ownAskedFile, readSet, setName, unseenIndex } from './eval-sets';

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
    const items = readSet(root, path);
    const index = unseen ? unseenIndex(knowledge, name, shipped) : shipped;
    if (verbose) process.stderr.write(`\n== ${name} misses\n`);
    const { results, times } = evaluate(index, items, thresholds, verbose);
    printKinds(name, results);
    metrics[name] = metricsOf(results, times);
  }
  printSummary(metrics);
  console.log(JSON.stringify(one ? Object.values(metrics)[0] : { sets: metrics }));
}

main();
