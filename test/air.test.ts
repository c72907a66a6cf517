import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, propagator, rateMatrix } from '../src/core/air.js';

/** Advance one column of concentrations by `hours` with a source in `sourceAt`. */
function step(
  volumes: number[],
  ventilation: number[],
  flows: { a: number; b: number; flow: number }[],
  conc: number[],
  sourceAt: number,
  rate: number,
  hours: number,
) {
  const prop = propagator(rateMatrix(volumes, ventilation, flows), volumes.length, hours);
  const c = Float64Array.from(conc);
  advance(prop, c, 1, volumes, Int32Array.of(sourceAt), Float64Array.of(rate), new Float64Array(c.length));
  return Array.from(c);
}

describe('multi-zone air', () => {
  it('matches the closed-form single room: C(t) = S/(V·k)·(1 − e^{−kt})', () => {
    const [c] = step([90], [2], [], [0], 0, 360, 0.5);
    const expected = (360 / (90 * 2)) * (1 - Math.exp(-2 * 0.5));
    expect(c).toBeCloseTo(expected, 12);
  });

  it('decays exactly with no source: C(t) = C0·e^{−kt}', () => {
    const [c] = step([50], [3], [], [4], 0, 0, 1.25);
    expect(c).toBeCloseTo(4 * Math.exp(-3 * 1.25), 12);
  });

  it('one long step equals many short ones (exact integration)', () => {
    const volumes = [200, 90, 40];
    const ventilation = [4, 2, 0.5];
    const flows = [
      { a: 0, b: 1, flow: 600 },
      { a: 1, b: 2, flow: 6 },
    ];
    const long = step(volumes, ventilation, flows, [1, 0, 0], 1, 360, 2);
    let short = [1, 0, 0];
    for (let i = 0; i < 7200; i += 60) short = step(volumes, ventilation, flows, short, 1, 360, 60 / 3600);
    for (const [i, c] of long.entries()) expect(c).toBeCloseTo(short[i]!, 9);
  });

  it('a closed door thickens the scent of the people behind it', () => {
    const volumes = [200, 90];
    const ventilation = [4, 2];
    const open = step(volumes, ventilation, [{ a: 0, b: 1, flow: 600 }], [0, 0], 1, 720, 0.25);
    const closed = step(volumes, ventilation, [{ a: 0, b: 1, flow: 6 }], [0, 0], 1, 720, 0.25);
    expect(closed[1]).toBeGreaterThan(open[1]! * 1.5);
  });

  it('conserves scent between sealed, unventilated rooms joined by a door', () => {
    const volumes = [10, 30];
    const after = step(volumes, [0, 0], [{ a: 0, b: 1, flow: 50 }], [3, 0], 0, 0, 5);
    expect(after[0]! * 10 + after[1]! * 30).toBeCloseTo(30, 9);
    expect(after[0]).toBeCloseTo(after[1]!, 6);
  });

  it('stays finite and non-negative for any rooms, doors, sources and step size', () => {
    const room = fc.record({
      volume: fc.double({ min: 0.5, max: 5000, noNaN: true }),
      ventilation: fc.double({ min: 0, max: 60, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(room, { minLength: 1, maxLength: 6 }),
        fc.array(
          fc.record({ a: fc.nat(5), b: fc.nat(5), flow: fc.double({ min: 0, max: 5000, noNaN: true }) }),
          { maxLength: 8 },
        ),
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-6, max: 24 * 400, noNaN: true }),
        (rooms, doors, start, rate, hours) => {
          const n = rooms.length;
          const flows = doors.filter((d) => d.a < n && d.b < n);
          const result = step(
            rooms.map((r) => r.volume),
            rooms.map((r) => r.ventilation),
            flows,
            start.slice(0, n),
            0,
            rate,
            hours,
          );
          for (const c of result) {
            expect(Number.isFinite(c)).toBe(true);
            expect(c).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
