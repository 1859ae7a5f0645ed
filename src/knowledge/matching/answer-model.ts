import type { MatchCandidate } from './knowledge-index';
import type { Thresholds } from './decide';
import { isLongQuestion } from './asking';
import { TRAINED_ANSWER_MODEL } from './answer-model-weights';

/**
 * Whether the best entry should be answered, weighed by a logistic model learnt from labelled
 * questions (`npm run train:answer-model`) rather than by thresholds set by hand: the confidence of
 * the best entry and what it was made of, how far it leads the others, what the matcher found wrong
 * with it, how long the question is, and whether the rules of `decide` answered. The rules stay the
 * first reading; the model answers a suggestion that is more likely right than not, and withholds an
 * answer that is not.
 */
export interface AnswerModel {
  /** Feature means and spreads of the training questions: features are standardised before weighing. */
  means: number[];
  scales: number[];
  weights: number[];
  /** The likelihood from which the best entry is answered. */
  threshold: number;
  /** The thresholds of the rules it was learnt on: under others (a deployment's own) the rules decide alone. */
  trainedAt: Thresholds;
}

export const ANSWER_MODEL: AnswerModel = TRAINED_ANSWER_MODEL;

/** The names of the features, in the order of `answerFeatures` (and of the model's weights). */
export const ANSWER_FEATURES = [
  'bias',
  'best',
  'second',
  'lead',
  'bestLacksAsked',
  'bestCorrects',
  'secondNearMiss',
  'length',
  'long',
  'rulesAnswer',
  'bestSquared',
  'third',
  'leadIfLong',
  'bestIfRulesAnswer',
  'bestQuerySide',
  'bestEntrySide',
  'bestFuzzy',
  'bestAgreement',
  'bestFacts',
  'secondAgreement',
  'querySideIfLong',
] as const;

/** How many characters of a question its length feature counts (a longer one reads like one this long). */
const LENGTH_CAP = 200;

/**
 * What the model reads of a question: its best few matches (best first), what the best one's confidence
 * was made of (see MatchCandidate.evidence), and whether the rules answered.
 */
export function answerFeatures(text: string, matches: MatchCandidate[], rulesAnswer: boolean): number[] {
  const [best, second, third] = matches;
  const score = (m: MatchCandidate | undefined) => m?.score ?? 0;
  const flag = (on: boolean | undefined) => (on ? 1 : 0);
  const chars = Array.from(text.trim()).length;
  const long = flag(isLongQuestion(text));
  const lead = score(best) - score(second);
  const answered = flag(rulesAnswer);
  const evidence = best?.evidence;
  return [
    1,
    score(best),
    score(second),
    lead,
    flag(best?.lacksAsked),
    flag(best?.corrects),
    flag(second?.nearMiss),
    Math.min(chars, LENGTH_CAP) / 100,
    long,
    answered,
    score(best) ** 2,
    score(third),
    lead * long,
    answered * score(best),
    evidence?.querySide ?? 0,
    evidence?.entrySide ?? 0,
    evidence?.fuzzy ?? 0,
    evidence?.agreement ?? 0,
    evidence?.facts ?? 0,
    // No runner-up disagrees with the question: as one that agrees with it.
    second ? (second.evidence?.agreement ?? 0) : 1,
    (evidence?.querySide ?? 0) * long,
  ];
}

/** The model's likelihood, in [0, 1], that answering is right. */
export function answerLikelihood(features: number[], model: AnswerModel = ANSWER_MODEL): number {
  const z = features.reduce((sum, x, i) => sum + ((x - model.means[i]) / model.scales[i]) * model.weights[i], 0);
  return 1 / (1 + Math.exp(-z));
}
