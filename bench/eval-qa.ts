/**
 * Accuracy of the question matcher on an evaluation set.
 *   node dist/bench/eval-qa.js [--set test/fixtures/qa-dev.yaml] [--answer 0.56] [--suggest 0.35] [--verbose]
 * (a relative --set path is taken from the repository root). With --verbose, every item not
 * right is listed on stderr.
 * Prints a per-kind table to stderr and, as the last stdout line, one JSON object of metrics.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadKnowledgeDir } from '../src/knowledge/knowledge-file';
import { projectRoot } from '../src/common/paths';
import { numberOption, percentile, stringOption } from './options';
import { decide, DEFAULT_THRESHOLDS, type Decision, KnowledgeIndex } from '../src/knowledge/matching';

const itemSchema = z.object({
  text: z.string().min(1),
  expect: z.string().min(1).nullable(),
  kind: z.string().default('unspecified'),
});
type EvalItem = z.output<typeof itemSchema>;

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/** Answered with the expected entry, or (out of scope) not answered. */
function isRight(item: EvalItem, decision: Decision): boolean {
  return decision.kind === 'answer' ? decision.entryId === item.expect : item.expect === null;
}

function printTable(results: Array<{ item: EvalItem; decision: Decision }>): void {
  const rows = new Map<string, number[]>(); // n, right, wrongly answered, suggest, none
  for (const { item, decision } of results) {
    const row = rows.get(item.kind) ?? [0, 0, 0, 0, 0];
    rows.set(item.kind, row);
    row[0]++;
    if (isRight(item, decision)) row[1]++;
    if (decision.kind === 'answer' && decision.entryId !== item.expect) row[2]++;
    if (decision.kind === 'suggest') row[3]++;
    if (decision.kind === 'none') row[4]++;
  }
  const line = (cells: Array<string | number>) =>
    cells.map((c, i) => (i === 0 ? String(c).padEnd(14) : String(c).padStart(8))).join('') + '\n';
  process.stderr.write(line(['kind', 'n', 'right', 'wrong', 'suggest', 'none']));
  for (const [kind, row] of [...rows].sort()) process.stderr.write(line([kind, ...row]));
  process.stderr.write('right: answered with the expected entry, or (out of scope) not answered; wrong: answered wrongly\n');
}

function main(): void {
  const root = projectRoot();
  const setPath = resolve(root, stringOption('set') ?? 'test/fixtures/qa-dev.yaml');
  const items: EvalItem[] = z.array(itemSchema).parse(parse(readFileSync(setPath, 'utf8')));
  const thresholds = {
    answer: numberOption('answer', DEFAULT_THRESHOLDS.answer),
    suggest: numberOption('suggest', DEFAULT_THRESHOLDS.suggest),
  };
  const verbose = process.argv.includes('--verbose');
  const index = new KnowledgeIndex(loadKnowledgeDir(join(root, 'knowledge')));
  // A running service has long been through its JIT tiers; a few rounds get the timing there too.
  for (let round = 0; round < 5; round++) for (const item of items) decide(index, item.text, thresholds);

  const results: Array<{ item: EvalItem; decision: Decision }> = [];
  const times: number[] = [];
  for (const item of items) {
    const start = process.hrtime.bigint();
    const decision = decide(index, item.text, thresholds);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    results.push({ item, decision });
    if (verbose && !isRight(item, decision)) {
      const got = decision.kind === 'answer' ? decision.entryId : decision.kind;
      const top = index.match(item.text, 2).map((m) => `${m.id}:${m.score.toFixed(2)}`).join(' ');
      process.stderr.write(`MISS [${item.kind}] ${item.text} -> ${got} (${decision.score.toFixed(2)}) `);
      process.stderr.write(`want ${item.expect} | ${top}\n`);
    }
  }
  printTable(results);

  const inScope = results.filter((r) => r.item.expect !== null);
  const outOfScope = results.filter((r) => r.item.expect === null);
  const answered = (list: typeof results, right: boolean) =>
    list.filter(({ item, decision }) => decision.kind === 'answer' && (decision.entryId === item.expect) === right).length;
  const suggestedIn = inScope.filter((r) => r.decision.kind === 'suggest');
  const share = (n: number, of: number) => round(of ? n / of : 0);
  times.sort((a, b) => a - b);
  const result = {
    items: items.length,
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
    p50Ms: round(percentile(times, 0.5), 3),
    p99Ms: round(percentile(times, 0.99), 3),
  };
  console.log(JSON.stringify(result));
}

main();
