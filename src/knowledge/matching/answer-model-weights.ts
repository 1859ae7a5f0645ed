import type { AnswerModel } from './answer-model';

/**
 * Written by `npm run train:answer-model` from 7951 questions of the sets not held out; features:
 * bias, best, second, lead, bestNearMiss, bestLacksAsked, bestCorrects, secondNearMiss, length, long, rulesAnswer, bestSquared, third, leadIfLong, bestIfRulesAnswer.
 */
export const TRAINED_ANSWER_MODEL: AnswerModel = {
  means: [0, 0.819549, 0.447172, 0.372377, 0, 0.0466608, 0.0106905, 0.0228902, 0.286419, 0.148409, 0.8653, 0.701785, 0.343611, 0.0472008, 0.758022],
  scales: [1, 0.173562, 0.180818, 0.199593, 1, 0.210911, 0.102841, 0.149553, 0.177273, 0.355505, 0.341403, 0.245519, 0.156933, 0.131092, 0.312714],
  weights: [3.85186, 0.569009, -0.133946, 0.616145, 0, 0.0995146, -0.349972, -0.201794, 0.890864, -0.299082, 0.202802, 1.09294, 0.237559, 0.652102, 0.597076],
  threshold: 0.5,
  trainedAt: { answer: 0.56, suggest: 0.35 },
};
