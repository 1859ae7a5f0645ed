import type { AnswerModel } from './answer-model';

/**
 * Written by `npm run train:answer-model` from 8262 questions of the sets not held out; features:
 * bias, best, second, lead, bestLacksAsked, bestCorrects, secondNearMiss, length, long, rulesAnswer, bestSquared, third, leadIfLong, bestIfRulesAnswer, bestQuerySide, bestEntrySide, bestFuzzy, bestAgreement, bestFacts, secondAgreement, querySideIfLong.
 */
export const TRAINED_ANSWER_MODEL: AnswerModel = {
  means: [0, 0.820335, 0.446171, 0.374165, 0.0473251, 0.0106512, 0.0232389, 0.28485, 0.147059, 0.863834, 0.703258, 0.342967, 0.0473179, 0.758113, 0.918601, 0.942362, 0.51589, 0.947052, 0.979115, 0.814302, 0.123134],
  scales: [1, 0.174093, 0.179094, 0.198469, 0.212333, 0.102653, 0.150661, 0.176353, 0.354165, 0.342964, 0.246105, 0.155878, 0.131544, 0.314243, 0.125224, 0.121209, 0.257147, 0.141327, 0.0937943, 0.240236, 0.301436],
  weights: [3.94101, 0.172945, -0.463863, 0.570282, 0.117429, -0.309851, -0.221699, 0.875943, 0.416317, 0.0431141, 1.11479, 0.0667614, 0.592144, 0.769221, 0.745119, -0.0843927, -0.250789, 0.0747142, 0.031092, 0.620906, -0.618191],
  threshold: 0.5,
  trainedAt: { answer: 0.56, suggest: 0.35 },
};
