/**
 * How long building the shipped index (entries, source passages and the questions collected in
 * knowledge/asked, as the service indexes them) holds the event loop.
 *   node dist/bench/build.js [--runs 5]
 * At once (the constructor: the whole build is one stall) and in steps (KnowledgeIndex.build, as the
 * service rebuilds on a reload or an edit: the longest run of work between two pauses), alternated.
 * Prints each run to stderr and, as the last stdout line, one JSON object of medians and ranges.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../src/common/paths';
import { nextTurn } from '../src/common/steps';
import { KnowledgeIndex } from '../src/knowledge/matching';
import { shippedEntries } from '../src/knowledge/shipped-index';
import { numberOption, percentile } from './options';

const round = (x: number) => Number(x.toFixed(1));

function timeAtOnce(entries: ReturnType<typeof shippedEntries>): number {
  const start = performance.now();
  new KnowledgeIndex(entries);
  return performance.now() - start;
}

/** The whole build's time and its longest run of work between pauses. */
async function timeInSteps(entries: ReturnType<typeof shippedEntries>): Promise<{ totalMs: number; longestMs: number; pauses: number }> {
  const start = performance.now();
  let resumed = start;
  let longest = 0;
  let pauses = 0;
  await KnowledgeIndex.build(entries, async () => {
    longest = Math.max(longest, performance.now() - resumed);
    pauses++;
    await nextTurn();
    resumed = performance.now();
  });
  const end = performance.now();
  return { totalMs: end - start, longestMs: Math.max(longest, end - resumed), pauses };
}

async function main(): Promise<void> {
  const runs = numberOption('runs', 5);
  const entries = shippedEntries(join(projectRoot(), 'knowledge'));
  timeAtOnce(entries); // the first build pays for loading the segmenter's dictionary and the JIT
  const whole: number[] = [];
  const steps: Array<{ totalMs: number; longestMs: number; pauses: number }> = [];
  for (let run = 0; run < runs; run++) {
    whole.push(timeAtOnce(entries));
    steps.push(await timeInSteps(entries));
    const last = steps[steps.length - 1];
    process.stderr.write(`run ${run + 1}: at once ${whole[run].toFixed(0)} ms; in steps ${last.totalMs.toFixed(0)} ms, longest step ${last.longestMs.toFixed(0)} ms of ${last.pauses + 1}\n`);
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { median: round(percentile(sorted, 0.5)), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
  };
  console.log(
    JSON.stringify({
      entries: entries.length,
      runs,
      atOnceMs: summary(whole),
      inStepsMs: summary(steps.map((s) => s.totalMs)),
      longestStepMs: summary(steps.map((s) => s.longestMs)),
      steps: steps[0]?.pauses + 1,
    }),
  );
}

void main();
