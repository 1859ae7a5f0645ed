import type { AnswerModel } from './answer-model';

/**
 * Written by `npm run train:answer-model` from 8126 questions of the sets not held out; features:
 * bias, best, second, lead, bestLacksAsked, bestCorrects, secondNearMiss, length, long, rulesAnswer, bestSquared, third, leadIfLong, bestIfRulesAnswer, bestQuerySide, bestEntrySide, bestFuzzy, bestAgreement, bestFacts, secondAgreement, querySideIfLong.
 */
export const TRAINED_ANSWER_MODEL: AnswerModel = {
  means: [0, 0.820307, 0.445546, 0.374761, 0.0466404, 0.0107064, 0.023874, 0.284555, 0.146567, 0.863894, 0.703227, 0.342367, 0.047184, 0.758124, 0.918768, 0.942202, 0.515886, 0.947037, 0.979418, 0.814618, 0.122527],
  scales: [1, 0.174135, 0.17875, 0.198375, 0.210867, 0.102916, 0.152657, 0.176204, 0.353673, 0.342901, 0.246204, 0.155483, 0.131369, 0.314233, 0.125139, 0.12168, 0.256905, 0.141467, 0.0931444, 0.239904, 0.300584],
  weights: [3.91005, 0.177048, -0.465009, 0.574418, 0.145954, -0.308399, -0.222875, 0.875293, 0.381825, 0.074914, 1.05865, 0.0930942, 0.54737, 0.739254, 0.750299, -0.08034, -0.24492, 0.11037, 0.0761711, 0.596994, -0.586566],
  threshold: 0.5,
  trainedAt: { answer: 0.56, suggest: 0.35 },
};
