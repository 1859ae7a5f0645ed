import type { AnswerModel } from './answer-model';

/**
 * Written by `npm run train:answer-model` from 7855 questions of the sets not held out; features:
 * bias, best, second, lead, bestNearMiss, bestLacksAsked, bestCorrects, secondNearMiss, length, long, rulesAnswer, bestSquared, third, leadIfLong, bestIfRulesAnswer, bestQuerySide, bestEntrySide, bestFuzzy, bestAgreement, bestFacts, secondAgreement, querySideIfLong.
 */
export const TRAINED_ANSWER_MODEL: AnswerModel = {
  means: [0, 0.819263, 0.444292, 0.374971, 0, 0.0472311, 0.0108211, 0.02317, 0.284933, 0.146785, 0.863654, 0.70157, 0.34172, 0.0471304, 0.756984, 0.917964, 0.941733, 0.514546, 0.946573, 0.979128, 0.814094, 0.122444],
  scales: [1, 0.174293, 0.179078, 0.198749, 1, 0.212133, 0.10346, 0.150443, 0.176307, 0.353892, 0.343156, 0.246458, 0.15556, 0.1313, 0.314307, 0.125622, 0.120892, 0.256387, 0.141804, 0.0938297, 0.240154, 0.300184],
  weights: [3.89628, 0.245472, -0.454113, 0.624433, 0, 0.171038, -0.310044, -0.198712, 0.916373, 0.262523, 0.144314, 1.09142, 0.122456, 0.620883, 0.645567, 0.707064, -0.113061, -0.261755, 0.0522599, 0.106231, 0.571238, -0.53203],
  threshold: 0.5,
  trainedAt: { answer: 0.56, suggest: 0.35 },
};
