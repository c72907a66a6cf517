/**
 * Properties of the calendar over generated omegas, drawn by a seeded loop over the repository's own
 * PRNG (`src/units/prng.ts`): deterministic, a few hundred cases each.
 *
 * 1. Coverage. An omega alone (nobody to bring a heat forward, no suppressant) with a declared cycle
 *    and a long record drawn from it: the world's own next onsets fall inside the forecast's windows
 *    at the rate the forecast states. A window reaches `spreadToWidth` (1.5) sample standard
 *    deviations either side (× √k for the k-th): with the spread known exactly, a normal onset falls
 *    inside with probability 2Φ(1.5) − 1 = 0.866. Estimating the mean and spread from n cycles widens
 *    the error of the k-th onset by √(1 + k/n) (the mean's error grows k-fold) and makes the bound a
 *    Student t with n − 1 degrees of freedom; with n = 60 recorded cycles that is 2Φ(1.5 / √(1 + k/60))
 *    − 1 ≈ 0.863, 0.860, 0.857 for k = 1, 2, 3; the t value is lower by about 0.005. The tolerance is three
 *    binomial standard deviations over the cases (√(0.86 × 0.14 / 300) ≈ 0.02, so ± 0.06): an
 *    implementation whose windows were 0.7 times as wide (about 0.71) falls outside it (checked). This
 *    seed gives 257, 246 and 252 of 300.
 * 2. The roster never calls a participant clear whose forecast is missing: every participant with a
 *    cycle is in a conflict, has forecast windows, or is listed as unchecked, and a roster with
 *    someone unchecked never says "no conflicts".
 */
import { describe, expect, it } from 'vitest';
import { checkRoster, forecastAll, viewRoster } from '../src/calendar/index.js';
import { presets } from '../src/canon/index.js';
import { World } from '../src/engine/world.js';
import { calendarCycleOf } from '../src/model/cycle.js';
import type { CharacterDef, RosterEventDef } from '../src/model/definition.js';
import { formatRoster } from '../src/narrate/calendar.js';
import { Prng } from '../src/units/prng.js';
import { D, definitionOf, person } from './calendar-fixtures.js';

const CASES = 300;
const RECORDED = 60;

/** Φ, the standard normal CDF (Abramowitz & Stegun 7.1.26, error under 1.5e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return 0.5 * (1 + (x < 0 ? -erf : erf));
}

const between = (rng: Prng, lo: number, hi: number) => lo + (hi - lo) * rng.uniform();

/**
 * An omega alone, with a declared period of 25–60 days and a spread of 1.5 days to a tenth of it
 * (so that the one-day floor on a window's half-width hardly ever applies), her record of 61 onsets
 * drawn from that cycle, the last a little before the start.
 */
function omegaAlone(rng: Prng, i: number): CharacterDef {
  const period = Math.round(between(rng, 25, 60) * D);
  const variability = Math.round(between(rng, 1.5 * D, period / 10));
  const lengths = Array.from({ length: RECORDED }, () => period + variability * rng.normal());
  const last = -Math.round(between(rng, 0.05, 0.3) * period);
  const onsets = [last];
  for (const length of lengths.reverse()) onsets.unshift(Math.round(onsets[0]! - length));
  return person(`o${i}`, `Omega ${i}`, {
    representation: 'omega',
    age: 30,
    cycle: { period, duration: 3 * D, variability, onsets },
  });
}

describe('calendar properties (seeded, deterministic)', () => {
  it('an undisturbed omega’s own onsets fall inside her forecast windows at the stated rate', () => {
    const rng = Prng.fromSeed(20261202);
    const inside = [0, 0, 0];
    for (let i = 0; i < CASES; i++) {
      const omega = omegaAlone(rng, i);
      const until = omega.cycle!.period * 3.6;
      const world = World.create(definitionOf({ title: 'alone', characters: [omega], until }), {
        seed: 1 + i,
      });
      const forecast = world.forecasts().get(omega.id)!;
      expect(forecast.basis).toBe('history');
      world.run();
      const onsets = world.events
        .filter((e) => e.type === 'heat-onset' && e.data.ongoing !== true)
        .map((e) => e.t);
      expect(onsets.length).toBeGreaterThanOrEqual(3);
      forecast.windows.slice(0, 3).forEach((w, k) => {
        if (onsets[k]! >= w.from && onsets[k]! <= w.to) inside[k]!++;
      });
    }
    const spreadToWidth = presets.seeds.forecast.spreadToWidth;
    inside.forEach((count, j) => {
      const k = j + 1;
      const stated = 2 * phi(spreadToWidth / Math.sqrt(1 + k / RECORDED)) - 1;
      const tolerance = 3 * Math.sqrt((stated * (1 - stated)) / CASES);
      expect(Math.abs(count / CASES - stated), `window ${k}: ${count}/${CASES} vs ${stated}`).toBeLessThan(
        tolerance,
      );
    });
  });

  it('the roster never says "clear" for a participant whose forecast is missing', () => {
    const rng = Prng.fromSeed(15);
    for (let i = 0; i < CASES; i++) {
      // Two to four omegas, each with 0 to 5 recorded onsets (some gaps far longer than a cycle), and
      // a beta; three events of one to three participants in the next 120 days.
      const omegas = Array.from({ length: 2 + Math.floor(rng.uniform() * 3) }, (_, j) => {
        const period = Math.round(between(rng, 20, 100) * D);
        const count = Math.floor(rng.uniform() * 6);
        const onsets: number[] = [];
        let t = -Math.round(between(rng, 0, 1) * period);
        for (let n = 0; n < count; n++) {
          onsets.unshift(t);
          t -= Math.round(period * (rng.uniform() < 0.2 ? 2.2 : between(rng, 0.9, 1.1)));
        }
        return person(`o${j}`, `Omega ${j}`, {
          representation: 'omega',
          age: 30,
          cycle: { period, duration: 3 * D, variability: 2 * D, onsets },
        });
      });
      const characters = [...omegas, person('b', 'Beta', { age: 30 })];
      const roster: RosterEventDef[] = Array.from({ length: 3 }, (_, e) => {
        const start = Math.round(between(rng, 0, 120) * D);
        const participants = characters.filter(() => rng.uniform() < 0.5).map((c) => c.id);
        return {
          id: `e${e}`,
          title: `Event ${e}`,
          start,
          end: start + Math.round(between(rng, 0.1, 2) * D),
          participants: participants.length ? participants : ['b'],
        };
      });
      const definition = definitionOf({ title: 'roster', characters, roster });
      const forecasts = forecastAll(definition, 0);
      const report = checkRoster({ definition, forecasts, now: 0 });
      for (const event of roster) {
        for (const id of event.participants) {
          const c = characters.find((x) => x.id === id)!;
          if (!calendarCycleOf(c)) continue;
          const checked = forecasts.get(id)!.windows.length > 0;
          const conflicted = report.conflicts.some((x) => x.event === event.id && x.character === id);
          const unchecked = report.unchecked.some((x) => x.event === event.id && x.character === id);
          expect(checked || conflicted || unchecked, `${event.id}/${id}`).toBe(true);
          // Unchecked exactly when there is no forecast.
          expect(unchecked).toBe(forecasts.get(id)!.basis === 'insufficient');
        }
      }
      const text = formatRoster(
        viewRoster(report, 'b', () => false),
        definition,
        'text',
        'b',
      );
      if (report.unchecked.length) expect(text).not.toContain('no conflicts\n');
    }
  });
});
