/** The part of ml-logistic-regression (which ships no types) that bench/train-answer-model.ts uses. */
declare module 'ml-logistic-regression' {
  import type { Matrix } from 'ml-matrix';

  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    train(features: Matrix, classes: Matrix): void;
    predict(features: Matrix): number[];
    toJSON(): { classifiers: Array<{ weights: Matrix }> };
  }
}
