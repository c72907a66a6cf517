/**
 * Heat forecasts against hand-computed windows. Canon: the `seeds` preset (minCycles 3, longestCycle
 * 60d, windowsAhead 3, spreadToWidth 1.5, minHalfWidth 1d, regimenHalfWidth 7d, stopIrregularity 2,
 * suppressant period 182d). D = 86 400 s.
 */
import { describe, expect, it } from 'vitest';
import { forecast, type MedicationState, reminders } from '../src/calendar/index.js';
import { applyOverrides, presets } from '../src/canon/index.js';
import type { CharacterDef } from '../src/model/definition.js';
import { D, omega } from './calendar-fixtures.js';

const seeds = presets.seeds;

/** A window centered `center` days out with half-width `half` days, rounded to whole seconds. */
const w = (center: number, half: number) => ({
  from: Math.round((center - half) * D),
  to: Math.round((center + half) * D),
  center: Math.round(center * D),
});

interface Case {
  name: string;
  onsets: number[];
  now?: number;
  shifted?: number[];
  medication?: MedicationState;
  character?: Partial<CharacterDef>;
  basis: 'history' | 'regimen' | 'insufficient';
  windows: { from: number; to: number; center: number }[];
  cycleLength?: number;
  spread?: number;
  note?: string;
}

const cases: Case[] = [
  {
    // Lengths 30, 30, 30 → mean 30d, stdev 0 → half-width max(1d, 1.5 × 0) = 1d, × √k.
    // k=1: 30d ± 1d; k=2: 60d ± √2 d = ± 122 188.05 s; k=3: 90d ± √3 d = ± 149 649.19 s.
    name: 'regular: every 30 days',
    onsets: [-90, -60, -30, 0],
    basis: 'history',
    windows: [
      { from: 2_505_600, to: 2_678_400, center: 2_592_000 },
      { from: 5_061_812, to: 5_306_188, center: 5_184_000 },
      { from: 7_626_351, to: 7_925_649, center: 7_776_000 },
    ],
    cycleLength: 30 * D,
    spread: 0,
    note: '3 recorded cycles: about 30d apart (spread 0:00:00)',
  },
  {
    // Lengths 28, 32, 30, 34 → mean 124/4 = 31d. Deviations −3, 1, −1, 3 → Σ² = 20 → sample variance
    // 20/3 d² → stdev 2.581 989 d = 223 083.84 s → half-width 1.5 × that = 334 625.76 s (> 1d).
    // k=1: 2 678 400 ± 334 625.76 → [2 343 774, 3 013 026];
    // k=2: 5 356 800 ± 334 625.76 × √2 = ± 473 232.29 → [4 883 568, 5 830 032];
    // k=3: 8 035 200 ± 334 625.76 × √3 = ± 579 588.82 → [7 455 611, 8 614 789].
    name: 'irregular: 28, 32, 30, 34',
    onsets: [-124, -96, -64, -34, 0],
    basis: 'history',
    windows: [
      { from: 2_343_774, to: 3_013_026, center: 2_678_400 },
      { from: 4_883_568, to: 5_830_032, center: 5_356_800 },
      { from: 7_455_611, to: 8_614_789, center: 8_035_200 },
    ],
    cycleLength: 31 * D,
    spread: Math.sqrt(20 / 3) * D,
  },
  {
    // Two cycles (30, 30) are fewer than minCycles = 3.
    name: 'too short: 2 cycles',
    onsets: [-60, -30, 0],
    basis: 'insufficient',
    windows: [],
    note: '2 recorded cycles; 3 are needed for a forecast',
  },
  {
    // On the suppressant: last onset −100d, period 182d → centers 82d, 264d, 446d, each ± 7d.
    name: 'suppressed: regimen windows',
    onsets: [-100],
    medication: { suppressant: true },
    basis: 'regimen',
    windows: [w(82, 7), w(264, 7), w(446, 7)],
    cycleLength: 182 * D,
  },
  {
    // The regimen as declared in `medication:` gives the same.
    name: 'suppressed: declared medication',
    onsets: [-100],
    character: { medication: [{ name: 'suppressant', since: -400 * D }] },
    basis: 'regimen',
    windows: [w(82, 7), w(264, 7), w(446, 7)],
  },
  {
    // Last onset −200d: the first regimen window −18d ± 7d closed at −11d < now, skipped; k keeps
    // counting: 164d, 346d, 528d.
    name: 'suppressed: a window already closed is skipped',
    onsets: [-200],
    medication: { suppressant: true },
    basis: 'regimen',
    windows: [w(164, 7), w(346, 7), w(528, 7)],
  },
  {
    // −1d was brought forward (shifted): the cycle ending there (29d) is left out → lengths 30, 30, 30,
    // mean 30d, stdev 0, half 1d. The next center still counts from the shifted onset: −1 + 30 = 29d.
    // (Counted in, the mean would be 29.75d and the center 28.75d.)
    name: 'advanced: a shifted onset moves the next, not the mean',
    onsets: [-120, -90, -60, -30, -1],
    shifted: [-1],
    basis: 'history',
    windows: [w(29, 1), w(59, Math.SQRT2), w(89, Math.sqrt(3))],
    cycleLength: 30 * D,
    note: '3 recorded cycles (left out: 1 shifted): about 30d apart (spread 0:00:00)',
  },
  {
    // Without the shift: lengths 30, 30, 30, 29 → mean 29.75d; deviations .25, .25, .25, −.75 → Σ² = .75
    // → variance .25 → stdev .5d → 1.5 × .5 = .75d < 1d → half 1d. Center −1 + 29.75 = 28.75d.
    name: 'advanced onset counted when not marked',
    onsets: [-120, -90, -60, -30, -1],
    basis: 'history',
    windows: [w(28.75, 1), w(58.5, Math.SQRT2), w(88.25, Math.sqrt(3))],
    cycleLength: 29.75 * D,
    spread: 0.5 * D,
  },
  {
    // Natural 30d cycles, last onset −30d; suppressant from −25d stopped at −5d, no onset since.
    // The first onset expected at or after the stop is k = ⌈(−5 + 30) / 30⌉ = 1: 0d ± 1d × 2 = ± 2d.
    // k=2, 3 as usual: 30d ± √2 d, 60d ± √3 d.
    name: 'stopped suppressant: first natural window widened ×2',
    onsets: [-120, -90, -60, -30],
    medication: { suppressant: false, since: -25 * D, stoppedAt: -5 * D },
    basis: 'history',
    windows: [w(0, 2), w(30, Math.SQRT2), w(60, Math.sqrt(3))],
    note: '3 recorded cycles: about 30d apart (spread 0:00:00); the first cycle after the suppressant was stopped is 2× as uncertain',
  },
  {
    // Regimen from −55d to −10d (a known start): the onset at −20d fell under it and is left out, so
    // lengths 30, 30, 30 (the 40d one ends at −20d). Last onset −20d, before the stop: k = ⌈10/30⌉ = 1
    // is widened: 10d ± 2d; then 40d ± √2 d, 70d ± √3 d.
    name: 'stopped suppressant: an onset under the regimen is left out',
    onsets: [-150, -120, -90, -60, -20],
    medication: { suppressant: false, since: -55 * D, stoppedAt: -10 * D },
    basis: 'history',
    windows: [w(10, 2), w(40, Math.SQRT2), w(70, Math.sqrt(3))],
    cycleLength: 30 * D,
  },
  {
    // The 80d gap (a missed record) is longer than 60d and left out: lengths 30, 30, 30, mean 30d.
    // Last onset −30d → 0d ± 1d (open at now = 0), 30d ± √2 d, 60d ± √3 d.
    name: 'longest cycle: an 80-day gap is not counted',
    onsets: [-200, -170, -140, -110, -30],
    basis: 'history',
    windows: [w(0, 1), w(30, Math.SQRT2), w(60, Math.sqrt(3))],
    cycleLength: 30 * D,
    note: '3 recorded cycles (left out: 1 longer than 60d): about 30d apart (spread 0:00:00)',
  },
  {
    // Lengths 30, 30, 80: the 80d one is left out, two remain.
    name: 'longest cycle: leaving one out can make it insufficient',
    onsets: [-150, -120, -90, -10],
    basis: 'insufficient',
    windows: [],
    note: '2 recorded cycles; 3 are needed for a forecast (left out: 1 longer than 60d)',
  },
  {
    // now = 45d: k=1 (30d ± 1d) has closed; k counts on: 60d ± √2, 90d ± √3, 120d ± √4 = ± 2d.
    name: 'windows already closed are skipped, k keeps counting',
    onsets: [-90, -60, -30, 0],
    now: 45,
    basis: 'history',
    windows: [w(60, Math.SQRT2), w(90, Math.sqrt(3)), w(120, 2)],
  },
  {
    name: 'no cycle at all',
    onsets: [],
    character: { cycle: undefined },
    basis: 'insufficient',
    windows: [],
    note: 'no cycle on record',
  },
];

describe('forecast', () => {
  it.each(cases)('$name', (c) => {
    const result = forecast({
      character: omega(c.onsets, c.character),
      canon: seeds,
      now: (c.now ?? 0) * D,
      ...(c.shifted ? { shifted: c.shifted.map((d) => d * D) } : {}),
      ...(c.medication ? { medication: c.medication } : {}),
    });
    expect(result.character).toBe('kylo');
    expect(result.basis).toBe(c.basis);
    expect(result.windows).toEqual(c.windows);
    if (c.cycleLength !== undefined) expect(result.cycleLength).toBeCloseTo(c.cycleLength, 6);
    if (c.spread !== undefined) expect(result.spread).toBeCloseTo(c.spread, 6);
    if (c.note !== undefined) expect(result.note).toBe(c.note);
  });

  it('ignores recorded onsets after now by default, and the order they are given in', () => {
    const a = forecast({ character: omega([-90, -60, -30, 0, 30]), canon: seeds, now: 0 });
    const b = forecast({
      character: omega([0]),
      canon: seeds,
      now: 0,
      onsets: [-30 * D, 0, -90 * D, -60 * D, -60 * D],
    });
    expect(a).toEqual(b);
    expect(a.windows[0]).toEqual(w(30, 1));
  });

  it('is deterministic: the same input gives the same forecast', () => {
    const input = { character: omega([-124, -96, -64, -34, 0]), canon: seeds, now: 0 };
    expect(JSON.stringify(forecast(input))).toBe(JSON.stringify(forecast(input)));
  });

  it('follows canon overrides: minCycles 2 turns 2 cycles into a forecast', () => {
    const { canon, issues } = applyOverrides(seeds, { forecast: { minCycles: 2, minHalfWidth: '2d' } });
    expect(issues).toEqual([]);
    // Lengths 30, 30 → mean 30d, stdev 0 → half max(2d, 0) = 2d: 30d ± 2d.
    const result = forecast({ character: omega([-60, -30, 0]), canon, now: 0 });
    expect(result.basis).toBe('history');
    expect(result.windows[0]).toEqual(w(30, 2));
  });

  it('takes forecast durations as durations and keeps coreShare a share', () => {
    const { canon, issues } = applyOverrides(seeds, {
      'forecast.longestCycle': '100d',
      'forecast.reminderLead': '1d 6:00',
    });
    expect(issues).toEqual([]);
    expect(canon.forecast.longestCycle).toBe(100 * D);
    expect(canon.forecast.reminderLead).toBe(D + 6 * 3600);
    expect(applyOverrides(seeds, { 'forecast.coreShare': 1.5 }).issues).toHaveLength(1);
  });

  it('moves the missed-record cut-off with a declared period (1.5 periods, or longestCycle if longer)', () => {
    const quarterly = (onsets: number[]) =>
      forecast({
        character: omega(onsets, {
          cycle: { period: 92 * D, duration: 3 * D, variability: 0, onsets: onsets.map((d) => d * D) },
        }),
        canon: seeds,
        now: 0,
      });
    // Three 92-day cycles count (60d alone would have left them all out)...
    expect(quarterly([-276, -184, -92, 0])).toMatchObject({ basis: 'history', cycleLength: 92 * D });
    // ...and a 184-day gap (a heat the record missed) is still left out, past 138 days.
    expect(quarterly([-460, -368, -276, -92, 0]).note).toBe(
      '3 recorded cycles (left out: 1 longer than 138d): about 92d apart (spread 0:00:00)',
    );
    // With the factor at 0, the preset's 60 days decides again.
    const { canon } = applyOverrides(seeds, { 'forecast.missedRecordPeriods': 0 });
    expect(
      forecast({
        character: omega([], {
          cycle: {
            period: 92 * D,
            duration: 3 * D,
            variability: 0,
            onsets: [-276 * D, -184 * D, -92 * D, 0],
          },
        }),
        canon,
        now: 0,
      }).note,
    ).toBe('0 recorded cycles; 3 are needed for a forecast (left out: 3 longer than 60d)');
  });

  it('has a forecast section in both presets', () => {
    expect(presets.classic.forecast.minCycles).toBe(3);
    expect(presets.classic.forecast.longestCycle).toBeGreaterThan(presets.classic.cycleDefaults.period);
  });
});

describe('reminders', () => {
  it('fire reminderLead (12:00) before each predicted onset', () => {
    // Windows are centred on 30d, 60d, 90d; reminders 12 h earlier.
    const f = forecast({ character: omega([-90, -60, -30, 0]), canon: seeds, now: 0 });
    expect(reminders(f, seeds).map((r) => r.t)).toEqual([
      2_592_000 - 43_200,
      5_184_000 - 43_200,
      7_776_000 - 43_200,
    ]);
    expect(reminders(f, seeds)[0]!.window).toEqual(f.windows[0]);
  });

  it('there are none without a forecast', () => {
    const f = forecast({ character: omega([-30, 0]), canon: seeds, now: 0 });
    expect(reminders(f, seeds)).toEqual([]);
  });
});
