/**
 * Learns the answer model (src/knowledge/matching/answer-model.ts) from the evaluation sets not held out.
 *   node dist/bench/train-answer-model.js [--steps 4000] [--rate 0.00005] [--dry-run]
 * Every question of a set is decided as a member's would be, without the set's own questions in
 * knowledge/asked (as `eval:qa --unseen`). Each question whose decision the model weighs (an answer of one
 * entry by the rules, or a suggestion whose best entry it may answer) is an example, right when that entry
 * is the expected one. A logistic regression (ml-logistic-regression) on the standardised features gives
 * the weights, written to src/knowledge/matching/answer-model-weights.ts unless --dry-run. Prints one JSON
 * line last: the examples, the threshold, and the training sets' figures under the rules and with the model.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Matrix } from 'ml-matrix';
import LogisticRegression from 'ml-logistic-regression';
import { projectRoot } from '../src/common/paths';
import { numberOption } from './options';
import { answerEvidence, DEFAULT_THRESHOLDS } from '../src/knowledge/matching/decide';
import { ANSWER_FEATURES, answerLikelihood, type AnswerModel } from '../src/knowledge/matching/answer-model';
import { shippedIndex } from '../src/knowledge/shipped-index';
import { DEFAULT_SETS, isHeldOut, readSet, unseenIndex } from './eval-sets';

/**
 * The likelihoods tried as the model's threshold: the lowest at which the training questions get no more
 * answers with a fact not asked for (wrong answers and false accepts together) than under the rules is
 * kept; at least more likely right than not.
 */
const THRESHOLDS = Array.from({ length: 41 }, (_, i) => 0.5 + i * 0.01);

/** A question that would be answered (by the rules, or by the model if it weighs it): `right` when with the expected entry. */
type Answerable = { features: number[]; right: boolean; inScope: boolean; weighs: boolean };
type Tally = { right: number; wrong: number; falseAccepts: number };

/** The training sets' questions that would be answered, and how many are in scope and out of scope in all. */
function answerableOf(root: string): { answerable: Answerable[]; inScope: number; outOfScope: number } {
  const knowledge = join(root, 'knowledge');
  const shipped = shippedIndex(knowledge);
  const answerable: Answerable[] = [];
  let inScope = 0;
  let outOfScope = 0;
  for (const [name, path] of Object.entries(DEFAULT_SETS)) {
    if (isHeldOut(name)) continue;
    const index = unseenIndex(knowledge, name, shipped);
    for (const item of readSet(root, path)) {
      if (item.expect === null) outOfScope++;
      else inScope++;
      const { features, answers, weighs } = answerEvidence(index, item.text, DEFAULT_THRESHOLDS);
      if (answers.length) answerable.push({ features, right: item.expect !== null && answers.includes(item.expect), inScope: item.expect !== null, weighs });
    }
  }
  return { answerable, inScope, outOfScope };
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
  const { answerable: all, inScope, outOfScope } = answerableOf(root);
  const examples = all.filter((e) => e.weighs);
  const { means, scales } = standardisation(examples.map((e) => e.features));
  const standardised = examples.map((e) => e.features.map((x, j) => (x - means[j]) / scales[j]));
  const learner = new LogisticRegression({ numSteps: numberOption('steps', 4000), learningRate: numberOption('rate', 0.00005) });
  learner.train(new Matrix(standardised), Matrix.columnVector(examples.map((e) => (e.right ? 1 : 0))));
  // One classifier per class, each scoring "not this class": the first scores the examples answered right.
  const weights: number[] = learner.toJSON().classifiers[0].weights.to1DArray();

  const tally = (answers: (e: Answerable) => boolean): Tally => ({
    right: all.filter((e) => e.inScope && e.right && answers(e)).length,
    wrong: all.filter((e) => e.inScope && !e.right && answers(e)).length,
    falseAccepts: all.filter((e) => !e.inScope && answers(e)).length,
  });
  const rulesAnswer = ANSWER_FEATURES.indexOf('rulesAnswer');
  const byRules = (e: Answerable) => e.features[rulesAnswer] === 1;
  const rules = tally(byRules);
  const likelihoods = new Map(examples.map((e) => [e, answerLikelihood(e.features, { means, scales, weights, threshold: 0, trainedAt: DEFAULT_THRESHOLDS })]));
  const at = (threshold: number) => tally((e) => (e.weighs ? (likelihoods.get(e) ?? 0) >= threshold : byRules(e)));
  const threshold = THRESHOLDS.find((t) => at(t).wrong + at(t).falseAccepts <= rules.wrong + rules.falseAccepts) ?? THRESHOLDS[THRESHOLDS.length - 1];
  const model: AnswerModel = { means, scales, weights, threshold, trainedAt: DEFAULT_THRESHOLDS };
  const learnt = at(threshold);
  const share = (n: number, of: number) => Number((of ? n / of : 0).toFixed(4));
  const figures = (t: Tally) => ({
    inScopeAccuracy: share(t.right, inScope),
    falseAcceptRate: share(t.falseAccepts, outOfScope),
    wrongAnswerRate: share(t.wrong, inScope),
  });

  if (!process.argv.includes('--dry-run')) writeFileSync(join(root, 'src/knowledge/matching/answer-model-weights.ts'), sourceOf(model, examples.length));
  console.log(JSON.stringify({ examples: examples.length, inScope, outOfScope, threshold: Number(threshold.toFixed(2)), rules: figures(rules), model: figures(learnt) }));
}

/** The weights file: the model as TypeScript, so that the build carries it like any other source. */
function sourceOf(model: AnswerModel, examples: number): string {
  const round = (xs: number[]) => `[${xs.map((x) => Number(x.toPrecision(6))).join(', ')}]`;
  return [
    "import type { AnswerModel } from './answer-model';",
    '',
    '/**',
    ` * Written by \`npm run train:answer-model\` from ${examples} questions of the sets not held out; features:`,
    ` * ${ANSWER_FEATURES.join(', ')}.`,
    ' */',
    'export const TRAINED_ANSWER_MODEL: AnswerModel = {',
    `  means: ${round(model.means)},`,
    `  scales: ${round(model.scales)},`,
    `  weights: ${round(model.weights)},`,
    `  threshold: ${Number(model.threshold.toFixed(2))},`,
    `  trainedAt: { answer: ${model.trainedAt.answer}, suggest: ${model.trainedAt.suggest} },`,
    '};',
    '',
  ].join('\n');
}

main();
