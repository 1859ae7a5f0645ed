/** Command-line options and statistics shared by the benchmarks. */

/** The value after `--name` on the command line, if given. */
export function stringOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A non-negative number after `--name`, or the fallback. */
export function numberOption(name: string, fallback: number): number {
  const text = stringOption(name);
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} expects a number`);
  return value;
}

/** The value below which `fraction` of the sorted samples fall (0.5: the median). */
export function percentile(sorted: number[], fraction: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}
