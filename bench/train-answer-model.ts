/**
 * Learns the answer model (src/knowledge/matching/answer-model.ts) from the evaluation sets not held out.
 *   node dist/bench/train-answer-model.js [--steps 4000] [--rate 0.00005] [--dry-run]
 * Every question of a set is decided as a member's would be, without the set's own questions in
 * knowledge/asked (as `eval:qa --unseen`). Each question whose decision the model weighs (an answer of one
 * entry by the rules, or a suggestion whose best entry it may answer) is an example: right when that entry
 * is the expected one. A logistic regression
 * (ml-logistic-regression) on the standardised features gives the weights, written to
 * src/knowledge/matching/answer-model-weights.ts unless --dry-run. Prints one JSON line last: the examples,
 * and right answers and false accepts on them under the rules and under the model.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { Matrix } from 'ml-matrix';
import LogisticRegression from 'ml-logistic-regression';
import { projectRoot } from '../src/common/paths';
import { numberOption } from './options';
import { answerEvidence, DEFAULT_THRESHOLDS } from '../src/knowledge/matching/decide';
import { ANSWER_FEATURES, answerLikelihood, type AnswerModel } from '../src/knowledge/matching/answer-model';
import { shippedIndex } from '../src/knowledge/shipped-index';
import { DEFAULT_SETS, isHeldOut, ownAskedFile } from './eval-sets';

const itemSchema = z.object({ text: z.string().min(1), expect: z.string().min(1).nullable() });
/**
 * The likelihoods tried as the model's threshold: the lowest at which the training questions get no more
 * answers with a fact not asked for (wrong answers and false accepts together) than under the rules is
 * kept; at least more likely right than not.
 */
const THRESHOLDS = Array.from({ length: 41 }, (_, i) => 0.5 + i * 0.01);

/** A question whose decision the model weighs (`weighs`) or the rules make alone, answering with `answers` or not. */
type Example = { features: number[]; right: boolean; inScope: boolean; weighs: boolean };

function examplesOf(root: string): { examples: Example[]; inScope: number; outOfScope: number } {
  const knowledge = join(root, 'knowledge');
  const shipped = shippedIndex(knowledge);
  const examples: Example[] = [];
  let inScope = 0;
  let outOfScope = 0;
  for (const [name, path] of Object.entries(DEFAULT_SETS)) {
    if (isHeldOut(name)) continue;
    const own = ownAskedFile(knowledge, name);
    const index = own ? shippedIndex(knowledge, { exceptAsked: [own] }) : shipped;
    for (const item of z.array(itemSchema).parse(parse(readFileSync(resolve(root, path), 'utf8')))) {
      if (item.expect === null) outOfScope++;
      else inScope++;
      const { features, answers, weighs } = answerEvidence(index, item.text, DEFAULT_THRESHOLDS);
      if (answers.length) examples.push({ features, right: item.expect !== null && answers.includes(item.expect), inScope: item.expect !== null, weighs });
    }
  }
  return { examples, inScope, outOfScope };
}

function standardisation(rows: number[][]): { means: number[]; scales: number[] } {
  const columns = rows[0].length;
  const means = Array.from({ length: columns }, (_, j) => (j === 0 ? 0 : rows.reduce((s, r) => s + r[j], 0) / rows.length));
  const scales = means.map((mean, j) => {
    if (j === 0) return 1;
    const spread = Math.sqrt(rows.reduce((s, r) => s + (r[j] - mean) ** 2, 0) / rows.length);
    return spread > 1e-9 ? spread : 1;
  });
  return { means, scales };
}

function main(): void {
  const root = projectRoot();
  const { examples: all, inScope, outOfScope } = examplesOf(root);
  const examples = all.filter((e) => e.weighs);
  const { means, scales } = standardisation(examples.map((e) => e.features));
  const standardised = examples.map((e) => e.features.map((x, j) => (x - means[j]) / scales[j]));
  const learner = new LogisticRegression({ numSteps: numberOption('steps', 4000), learningRate: numberOption('rate', 0.00005) });
  learner.train(new Matrix(standardised), Matrix.columnVector(examples.map((e) => (e.right ? 1 : 0))));
  // One classifier per class, each scoring "not this class": the first scores the examples answered right.
  const weights: number[] = learner.toJSON().classifiers[0].weights.to1DArray();

  const tally = (answers: (e: Example) => boolean) => ({
    right: all.filter((e) => e.inScope && e.right && answers(e)).length,
    wrong: all.filter((e) => e.inScope && !e.right && answers(e)).length,
    falseAccepts: all.filter((e) => !e.inScope && answers(e)).length,
  });
  const rulesAnswer = ANSWER_FEATURES.indexOf('rulesAnswer');
  const byRules = (e: Example) => e.features[rulesAnswer] === 1;
  const rules = tally(byRules);
  const likelihoods = new Map(examples.map((e) => [e, answerLikelihood(e.features, { means, scales, weights, threshold: 0, trainedAt: DEFAULT_THRESHOLDS })]));
  const at = (threshold: number) => tally((e) => (e.weighs ? (likelihoods.get(e) ?? 0) >= threshold : byRules(e)));
  const threshold = THRESHOLDS.find((t) => at(t).wrong + at(t).falseAccepts <= rules.wrong + rules.falseAccepts) ?? THRESHOLDS[THRESHOLDS.length - 1];
  const model: AnswerModel = { means, scales, weights, threshold, trainedAt: DEFAULT_THRESHOLDS };
  const learnt = at(threshold);
  const share = (n: number, of: number) => Number((of ? n / of : 0).toFixed(4));
  const figures = (t: ReturnType<typeof tally>) => ({
    inScopeAccuracy: share(t.right, inScope),
    falseAcceptRate: share(t.falseAccepts, outOfScope),
    wrongAnswerRate: share(t.wrong, inScope),
  });

  if (!process.argv.includes('--dry-run')) {
    const round = (xs: number[]) => `[${xs.map((x) => Number(x.toPrecision(6))).join(', ')}]`;
    const source = [
      "import type { AnswerModel } from './answer-model';",
      '',
      '/**',
      ` * Written by \`npm run train:answer-model\` from ${examples.length} questions of the sets not held out; features:`,
      ` * ${ANSWER_FEATURES.join(', ')}.`,
      ' */',
      'export const TRAINED_ANSWER_MODEL: AnswerModel = {',
      `  means: ${round(means)},`,
      `  scales: ${round(scales)},`,
      `  weights: ${round(weights)},`,
      `  threshold: ${Number(threshold.toFixed(2))},`,
      `  trainedAt: { answer: ${DEFAULT_THRESHOLDS.answer}, suggest: ${DEFAULT_THRESHOLDS.suggest} },`,
      '};',
      '',
    ].join('\n');
    writeFileSync(join(root, 'src/knowledge/matching/answer-model-weights.ts'), source);
  }
  console.log(JSON.stringify({ examples: examples.length, inScope, outOfScope, threshold: Number(threshold.toFixed(2)), rules: figures(rules), model: figures(learnt) }));
}

main();
