/** Pure statistics used by the reports (unit-tested in statistics.spec.ts). */

/** Sufficient sums of (x, y) pairs where x is 1 for a right answer, 0 otherwise, and y is a score. */
export interface PairSums {
  n: number;
  /** Σx: right answers */
  sx: number;
  sy: number;
  syy: number;
  /** Σxy: sum of y over right answers */
  sxy: number;
}

/**
 * Point-biserial correlation between answering an item right (1/0) and the score (Pearson's r on
 * the sums); null when undefined (fewer than two people, or everyone right, wrong or level).
 * The reports pass y = the rest score (total minus the item's own points), the corrected
 * item-rest correlation, so an item is not correlated with itself.
 */
export function pointBiserial(s: PairSums): number | null {
  if (s.n < 2) return null;
  const vx = s.n * s.sx - s.sx * s.sx;
  const vy = s.n * s.syy - s.sy * s.sy;
  if (vx <= 0 || vy <= 1e-9) return null;
  const r = (s.n * s.sxy - s.sx * s.sy) / Math.sqrt(vx * vy);
  return Math.round(Math.max(-1, Math.min(1, r)) * 1000) / 1000;
}

export interface ScoreCount {
  score: number;
  count: number;
}

export interface Bucket {
  /** inclusive */
  from: number;
  /** inclusive */
  to: number;
  count: number;
}

const NICE_WIDTHS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * Histogram buckets over 0..fullMarks, at most `maxBuckets` of a round width (1, 2, 5, 10, 20, …),
 * each an inclusive integer range; with 10-point questions and 100 marks: 0–9, …, 90–99, 100–100,
 * so full marks stand alone. Scores above fullMarks fall into the last bucket.
 */
export function scoreBuckets(counts: ScoreCount[], fullMarks: number, maxBuckets = 11): Bucket[] {
  const top = Math.max(0, fullMarks, ...counts.map((c) => c.score));
  const width = NICE_WIDTHS.find((w) => Math.ceil((top + 1) / w) <= maxBuckets) ?? Math.ceil((top + 1) / maxBuckets);
  const buckets: Bucket[] = [];
  for (let from = 0; from <= top; from += width) buckets.push({ from, to: Math.min(from + width - 1, top), count: 0 });
  for (const c of counts) {
    const i = Math.min(buckets.length - 1, Math.max(0, Math.floor(c.score / width)));
    buckets[i].count += c.count;
  }
  return buckets;
}

/** Mean, median (the mean of the two middle values for an even count) and maximum of a score histogram. */
export function summarise(counts: ScoreCount[]): { n: number; mean: number | null; median: number | null; max: number | null } {
  const sorted = counts.filter((c) => c.count > 0).sort((a, b) => a.score - b.score);
  const n = sorted.reduce((s, c) => s + c.count, 0);
  if (n === 0) return { n, mean: null, median: null, max: null };
  const sum = sorted.reduce((s, c) => s + c.score * c.count, 0);
  const valueAt = (k: number) => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.count;
      if (k < seen) return c.score;
    }
    return sorted[sorted.length - 1].score;
  };
  const median = n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
  return { n, mean: Math.round((sum / n) * 100) / 100, median, max: sorted[sorted.length - 1].score };
}
