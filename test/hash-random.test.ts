/** Draws fixed by their keys: the same keys, the same draw; spread evenly; never from the world's stream. */
import { describe, expect, it } from 'vitest';
import { hashDraw, hashPick } from '../src/units/hash-random.js';

describe('hash draws', () => {
  it('are fixed by their keys, in [0, 1), and differ when a key does', () => {
    expect(hashDraw(7, 80)).toBe(hashDraw(7, 80));
    expect(hashDraw(7, 80)).not.toBe(hashDraw(8, 80));
    expect(hashDraw(7, 80)).not.toBe(hashDraw(7, 81));
    expect(hashDraw(7, 80)).not.toBe(hashDraw(80, 7));
    for (let i = 0; i < 1000; i++) {
      const x = hashDraw(3, i);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('spread evenly: each tenth of [0, 1) gets its share of a thousand event ids', () => {
    const buckets = new Array<number>(10).fill(0);
    for (let id = 1; id <= 1000; id++) buckets[Math.floor(hashDraw(7, id) * 10)]!++;
    for (const n of buckets) expect(Math.abs(n - 100)).toBeLessThan(35);
  });

  it('pick one of the options, the same for the same keys', () => {
    const options = ['a', 'b', 'c'];
    expect(hashPick(options, 1, 2)).toBe(hashPick(options, 1, 2));
    expect(new Set(Array.from({ length: 30 }, (_, i) => hashPick(options, 1, i))).size).toBe(3);
  });
});
