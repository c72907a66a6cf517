/** The statistics of the ensemble tables, against values computed by hand and by other tools. */
import { describe, expect, it } from 'vitest';
import { sparkline } from '../src/ensemble/format-text.js';
import { distribution, quantile, wilson } from '../src/ensemble/stats.js';

const rounded = (pair: [number, number]) => pair.map((x) => Math.round(x * 10_000) / 10_000);

describe('Wilson’s interval', () => {
  it('matches the published values (as R’s prop.test without continuity correction gives them)', () => {
    expect(rounded(wilson(5, 10))).toEqual([0.2366, 0.7634]);
    expect(rounded(wilson(0, 10))).toEqual([0, 0.2775]);
    expect(rounded(wilson(10, 10))).toEqual([0.7225, 1]);
    expect(rounded(wilson(81, 263))).toEqual([0.2553, 0.3662]);
  });

  it('narrows as runs accumulate, and says nothing of no runs', () => {
    const width = (n: number) => {
      const [low, high] = wilson(n / 2, n);
      return high - low;
    };
    expect(width(1000)).toBeLessThan(width(100));
    expect(width(100)).toBeLessThan(width(10));
    expect(wilson(0, 0)).toEqual([0, 1]);
  });
});

describe('quartiles and histograms', () => {
  it('interpolate between order statistics as R’s type 7 and numpy do', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.5)).toBe(7);
  });

  it('describe values in any order: quartiles, ends, and ten bins that hold every value', () => {
    const d = distribution([300, 180, 330, 180, 181, 330, 330, 200])!;
    expect(d).toMatchObject({ n: 8, min: 180, max: 330, median: 250, q1: 180.75, q3: 330 });
    expect(d.histogram).toHaveLength(10);
    expect(d.histogram.reduce((a, b) => a + b)).toBe(8);
    expect(d.histogram[0]).toBe(3);
    expect(d.histogram[9]).toBe(3);
  });

  it('keep one bin when every value is the same, and nothing for no values', () => {
    expect(distribution([301, 301, 301])).toMatchObject({ min: 301, max: 301, histogram: [3] });
    expect(distribution([])).toBeNull();
  });

  it('draw as one line of blocks scaled to the fullest bin, an empty bin blank', () => {
    expect(sparkline([1, 0, 8, 4])).toBe('▁ █▄');
  });
});
