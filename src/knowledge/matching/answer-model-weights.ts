import type { AnswerModel } from './answer-model';

/**
 * Written by `npm run train:answer-model` from 7988 questions of the sets not held out; features:
 * bias, best, second, lead, bestLacksAsked, bestCorrects, secondNearMiss, length, long, rulesAnswer, bestSquared, third, leadIfLong, bestIfRulesAnswer, bestQuerySide, bestEntrySide, bestFuzzy, bestAgreement, bestFacts, secondAgreement, querySideIfLong.
 */
export const TRAINED_ANSWER_MODEL: AnswerModel = {
  means: [0, 0.820041, 0.444875, 0.375167, 0.0470706, 0.010641, 0.0234101, 0.284721, 0.14672, 0.864422, 0.702782, 0.341822, 0.0473317, 0.758198, 0.918589, 0.942032, 0.51508, 0.946918, 0.979206, 0.81387, 0.122524],
  scales: [1, 0.174111, 0.178999, 0.198682, 0.21179, 0.102605, 0.151202, 0.176259, 0.353827, 0.34234, 0.246174, 0.155495, 0.131718, 0.313708, 0.125162, 0.121358, 0.25644, 0.141544, 0.0936459, 0.240148, 0.300406],
  weights: [3.91563, 0.221607, -0.450193, 0.599795, 0.14808, -0.304601, -0.221691, 0.893484, 0.280092, 0.14031, 1.08956, 0.116669, 0.644821, 0.656513, 0.725646, -0.101944, -0.245677, 0.0627906, 0.0716, 0.584788, -0.559157],
  threshold: 0.5,
  trainedAt: { answer: 0.56, suggest: 0.35 },
};
