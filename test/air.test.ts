import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AirFlow, airGraph } from '../src/engine/air/graph.js';
import { advancePlume, type Plume, reachOf } from '../src/engine/air/plume.js';
import type { Source } from '../src/engine/air/source.js';
import { NOTE_COUNT } from '../src/vocabulary/notes.js';

const notes = (first: number) => Float64Array.from({ length: NOTE_COUNT }, (_, k) => (k === 0 ? first : 0));

/** A source of one note at `place`: rate + slope·u + curve·u² + fading·e^{−fadeRate·u} (u in hours). */
function source(
  place: number,
  rate: number,
  more: Partial<Record<'slope' | 'curve' | 'fading' | 'fadeRate', number>> = {},
): Source {
  return {
    place,
    rate: notes(rate),
    slope: notes(more.slope ?? 0),
    curve: notes(more.curve ?? 0),
    fading: notes(more.fading ?? 0),
    fadeRate: more.fadeRate ?? 0,
  };
}

/** One note's concentrations per place, from a plume over `places` places. */
function column(plume: Plume, places: number): number[] {
  const out = new Array<number>(places).fill(0);
  plume.places.forEach((p, i) => {
    out[p] = plume.conc[i * NOTE_COUNT]!;
  });
  return out;
}

/** Advance one note's concentrations by `hours` with a source, exactly (no trace: nothing dropped). */
function step(
  volumes: number[],
  ventilation: number[],
  flows: AirFlow[],
  conc: number[],
  src: Source | null,
  hours: number,
): number[] {
  const graph = airGraph(Float64Array.from(volumes), Float64Array.from(ventilation), flows);
  const start: Plume = { places: [], conc: [] };
  conc.forEach((c, p) => {
    if (c === 0) return;
    start.places.push(p);
    start.conc.push(...notes(c));
  });
  return column(advancePlume(graph, start, src, hours, 0, null), volumes.length);
}

/** The same by many tiny explicit steps (RK4): a slow, obviously right reference. */
function reference(
  volumes: number[],
  ventilation: number[],
  flows: AirFlow[],
  conc: number[],
  rate: (u: number) => number,
  at: number,
  hours: number,
): number[] {
  const n = volumes.length;
  const derivative = (c: number[], u: number) => {
    const d = c.map((x, p) => -ventilation[p]! * x);
    for (const { a, b, flow } of flows) {
      d[a]! += (flow / volumes[a]!) * (c[b]! - c[a]!);
      d[b]! += (flow / volumes[b]!) * (c[a]! - c[b]!);
    }
    d[at]! += rate(u) / volumes[at]!;
    return d;
  };
  let c = [...conc];
  const steps = 20000;
  const h = hours / steps;
  for (let i = 0; i < steps; i++) {
    const u = i * h;
    const k1 = derivative(c, u);
    const k2 = derivative(
      c.map((x, p) => x + (h / 2) * k1[p]!),
      u + h / 2,
    );
    const k3 = derivative(
      c.map((x, p) => x + (h / 2) * k2[p]!),
      u + h / 2,
    );
    const k4 = derivative(
      c.map((x, p) => x + h * k3[p]!),
      u + h,
    );
    c = c.map((x, p) => x + (h / 6) * (k1[p]! + 2 * k2[p]! + 2 * k3[p]! + k4[p]!));
  }
  return c.slice(0, n);
}

const THREE = {
  volumes: [200, 90, 40],
  ventilation: [4, 2, 0.5],
  flows: [
    { a: 0, b: 1, flow: 600 },
    { a: 1, b: 2, flow: 6 },
  ],
};

describe('multi-zone air', () => {
  it('matches the closed-form single room: C(t) = S/(V·k)·(1 − e^{−kt})', () => {
    const [c] = step([90], [2], [], [0], source(0, 360), 0.5);
    expect(c).toBeCloseTo((360 / (90 * 2)) * (1 - Math.exp(-2 * 0.5)), 12);
  });

  it('decays exactly with no source: C(t) = C0·e^{−kt}', () => {
    const [c] = step([50], [3], [], [4], null, 1.25);
    expect(c).toBeCloseTo(4 * Math.exp(-3 * 1.25), 12);
  });

  it('follows a source that rises as a quadratic (the pre-heat ramp) exactly', () => {
    const { volumes, ventilation, flows } = THREE;
    const exact = step(volumes, ventilation, flows, [0.2, 1, 0], source(1, 100, { slope: 50, curve: 10 }), 3);
    const slow = reference(volumes, ventilation, flows, [0.2, 1, 0], (u) => 100 + 50 * u + 10 * u * u, 1, 3);
    for (const [p, c] of exact.entries()) expect(c).toBeCloseTo(slow[p]!, 9);
  });

  it('follows a fading source (agitation’s sour note): closed form x/V·(e^{−κt} − e^{−kt})/(k − κ)', () => {
    const [c] = step([90], [2], [], [0], source(0, 0, { fading: 180, fadeRate: 83 }), 0.05);
    const expected = ((180 / 90) * (Math.exp(-83 * 0.05) - Math.exp(-2 * 0.05))) / (2 - 83);
    expect(c).toBeCloseTo(expected, 12);
  });

  it('one long step equals many short ones (exact integration)', () => {
    const { volumes, ventilation, flows } = THREE;
    const long = step(volumes, ventilation, flows, [1, 0, 0], source(1, 360), 2);
    let short = [1, 0, 0];
    for (let i = 0; i < 7200; i += 60)
      short = step(volumes, ventilation, flows, short, source(1, 360), 60 / 3600);
    for (const [i, c] of long.entries()) expect(c).toBeCloseTo(short[i]!, 9);
  });

  it('a closed door thickens the scent of the people behind it', () => {
    const open = step([200, 90], [4, 2], [{ a: 0, b: 1, flow: 600 }], [0, 0], source(1, 720), 0.25);
    const closed = step([200, 90], [4, 2], [{ a: 0, b: 1, flow: 6 }], [0, 0], source(1, 720), 0.25);
    expect(closed[1]).toBeGreaterThan(open[1]! * 1.5);
  });

  it('conserves scent between sealed, unventilated rooms joined by a door', () => {
    const after = step([10, 30], [0, 0], [{ a: 0, b: 1, flow: 50 }], [3, 0], null, 5);
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
          const result = step(
            rooms.map((r) => r.volume),
            rooms.map((r) => r.ventilation),
            doors.filter((d) => d.a < n && d.b < n),
            start.slice(0, n),
            source(0, rate),
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

describe('plumes', () => {
  // A corridor of rooms 0–1–2–3, open doors: scent from room 0 spreads room by room.
  const volumes = [50, 50, 50, 50];
  const ventilation = [2, 2, 2, 2];
  const flows = [0, 1, 2].map((a) => ({ a, b: a + 1, flow: 600 }));
  const graph = airGraph(Float64Array.from(volumes), Float64Array.from(ventilation), flows);

  it('end where the scent falls under the trace, and match the full solution where they are', () => {
    const full = column(advancePlume(graph, { places: [], conc: [] }, source(0, 360), 10, 0, null), 4);
    // Scent thins room by room away from the source; put the trace between the last two rooms.
    for (let p = 1; p < 4; p++) expect(full[p]).toBeLessThan(full[p - 1]!);
    const trace = (full[2]! + full[3]!) / 2;
    const plume = advancePlume(graph, { places: [], conc: [] }, source(0, 360), 10, trace, []);
    expect(plume.places).toEqual([0, 1, 2]);
    const kept = column(plume, 4);
    for (const p of [0, 1, 2]) expect(Math.abs(kept[p]! - full[p]!) / full[p]!).toBeLessThan(1e-3);
  });

  it('take the same exponential whichever way it is computed', () => {
    for (const hours of [1 / 3600, 0.5, 30]) {
      const ramp = source(1, 100, { slope: 20, curve: 3, fading: 50, fadeRate: 40 });
      const start: Plume = { places: [0, 2], conc: [...notes(0.4), ...notes(2)] };
      const matrix = column(advancePlume(graph, start, ramp, hours, 0, null, 'matrix'), 4);
      const terms = column(advancePlume(graph, start, ramp, hours, 0, null, 'terms'), 4);
      const columns = column(advancePlume(graph, start, ramp, hours, 0, null, 'columns'), 4);
      for (const [p, c] of matrix.entries()) {
        expect(terms[p]).toBeCloseTo(c, 10);
        expect(columns[p]).toBeCloseTo(c, 10);
      }
    }
    // Long after its start, a plume under a constant source is that source's steady state.
    const start: Plume = { places: [3], conc: [...notes(5)] };
    const long = column(advancePlume(graph, start, source(1, 100), 30, 0, null, 'matrix'), 4);
    const steady = column(advancePlume(graph, start, source(1, 100), 30, 0, null, 'settled'), 4);
    for (const [p, c] of long.entries()) expect(steady[p]).toBeCloseTo(c, 12);
  });

  it('spread more than one room in one long step, as far as the scent goes', () => {
    const plume = advancePlume(graph, { places: [], conc: [] }, source(0, 3600), 24, 0.01, []);
    expect(plume.places).toEqual([0, 1, 2, 3]);
  });

  it('keep building up where they are allowed to, even a trace at a time', () => {
    let kept: Plume = { places: [], conc: [] };
    let dropped: Plume = { places: [], conc: [] };
    for (let i = 0; i < 600; i++) {
      kept = advancePlume(graph, kept, source(0, 360), 1 / 3600, 0.5, [0, 1]);
      dropped = advancePlume(graph, dropped, source(0, 360), 1 / 3600, 0.5, []);
    }
    expect(column(kept, 4)[0]).toBeGreaterThan(0.5);
    expect(dropped.places).toEqual([]);
  });

  it('name a place between two of their places once, even while it holds less than the trace', () => {
    // Two cabins off one corridor, the scent in both cabins and not (yet) in the corridor.
    const cabins = airGraph(Float64Array.from([40, 400, 40]), Float64Array.from([2, 6, 2]), [
      { a: 0, b: 1, flow: 30 },
      { a: 1, b: 2, flow: 30 },
    ]);
    const start: Plume = { places: [0, 2], conc: [...notes(1), ...notes(1)] };
    const plume = advancePlume(cabins, start, null, 1 / 3600, 5, null);
    expect(plume.places).toEqual([0, 1, 2]);
    expect(plume.conc).toHaveLength(3 * NOTE_COUNT);
    expect(column(plume, 3)[1]).toBeGreaterThan(0);
  });

  it('reach covers every place the plume gets to under its source, however it gets there', () => {
    const reach = reachOf(graph, [source(0, 360)], 40 / 2, 0.5);
    let plume: Plume = { places: [], conc: [] };
    for (const hours of [0.01, 0.3, 2, 30]) {
      plume = advancePlume(graph, plume, source(0, 360), hours, 0.5, reach);
      for (const p of plume.places) expect(reach).toContain(p);
    }
  });
});
