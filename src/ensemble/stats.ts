/**
 * The statistics of an ensemble's tables: how sure a frequency is (Wilson's interval) and how a set
 * of instants is spread (quartiles, a histogram).
 */
import { round3 } from '../units/numbers.js';

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson's score interval for `successes` out of `n` (95%): unlike the normal approximation it stays
 * within 0..1 and is honest at 0 and at n, where a handful of runs says little.
 */
export function wilson(successes: number, n: number, z = Z95): [low: number, high: number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The `p`-quantile of sorted values, interpolated between order statistics (R's type 7, numpy's default). */
export function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const a = sorted[low]!;
  const b = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return a + (h - low) * (b - a);
}

export interface Distribution {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** counts in equal bins from `min` to `max` (one bin when they are equal) */
  histogram: number[];
}

/** How many bins a histogram has: enough to see a second mode, few enough to read as text. */
const HISTOGRAM_BINS = 10;

/** Quartiles and a histogram of the values (any order), or null for none. */
export function distribution(values: readonly number[]): Distribution | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  const bins = max > min ? HISTOGRAM_BINS : 1;
  const histogram = new Array<number>(bins).fill(0);
  for (const v of sorted) histogram[Math.min(bins - 1, Math.floor(((v - min) / (max - min || 1)) * bins))]!++;
  return {
    n: sorted.length,
    min,
    q1: round3(quantile(sorted, 0.25)),
    median: round3(quantile(sorted, 0.5)),
    q3: round3(quantile(sorted, 0.75)),
    max,
    histogram,
  };
}
