/**
 * Heat forecasts: each omega's next onsets as windows, from the record of past onsets (as open cycle
 * trackers such as drip do it) or from the suppressant regimen. Pure arithmetic on the canon's
 * `forecast` numbers: no randomness, no clock but the `now` it is given. All instants are seconds from
 * the scenario's start.
 */
import { type Canon, masks } from '../canon/index.js';
import { type CycleKind, calendarCycleOf } from '../model/cycle.js';
import type { CharacterDef } from '../model/definition.js';
import { formatDuration, SECONDS_PER_MINUTE } from '../units/time.js';

export type ForecastBasis = 'history' | 'regimen' | 'insufficient';

/** Where the onset of one heat is expected: between `from` and `to`, most likely at `center`. */
export interface ForecastWindow {
  from: number;
  to: number;
  center: number;
}

export interface Forecast {
  /** character id */
  character: string;
  /** whose cycle: an omega's heats or an alpha's ruts */
  kind: CycleKind;
  basis: ForecastBasis;
  /** nearest first; only windows that have not closed by `now` */
  windows: ForecastWindow[];
  /** the cycle length the windows are spaced by (the mean of the counted cycles, or the regimen's period) */
  cycleLength?: number;
  /** standard deviation of the counted cycle lengths (history only) */
  spread?: number;
  /** what the forecast rests on, in plain words */
  note: string;
  /** the latest onset known at `now`, whatever the basis: a heat begun then may be under way */
  lastOnset?: number;
}

/** The suppressant regimen as known at `now`. */
export interface MedicationState {
  /** on the suppressant at `now` */
  suppressant: boolean;
  /** when the (current, or last) regimen started; `undefined`: unknown, long before */
  since?: number;
  /** when the last regimen was stopped (only meaningful when not on it now) */
  stoppedAt?: number;
}

export interface ForecastInput {
  character: CharacterDef;
  canon: Canon;
  now: number;
  /** onsets known by `now` (recorded and lived); default: the recorded onsets at or before `now` */
  onsets?: readonly number[];
  /**
   * onsets brought forward by exposure or that fell under a suppressant: the cycle ending at one is
   * left out of the baseline, but the latest onset still moves the next one
   */
  shifted?: readonly number[];
  /** default: from the character's `medication:` (on the suppressant if listed with no later `since`) */
  medication?: MedicationState;
}

/**
 * The suppressant regimen a character's definition declares at `now` (scripted `take` / `stop` are not
 * read here). A suppressant is a medication the canon says masks.
 */
export function declaredMedication(character: CharacterDef, canon: Canon, now: number): MedicationState {
  const entry = character.medication.find((m) => masks(canon, m.name));
  if (!entry || (entry.since !== undefined && entry.since > now)) return { suppressant: false };
  return entry.since === undefined ? { suppressant: true } : { suppressant: true, since: entry.since };
}

/** A duration in the scenario syntax, to the minute. */
const span = (seconds: number) =>
  formatDuration(Math.round(seconds / SECONDS_PER_MINUTE) * SECONDS_PER_MINUTE);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function forecast(input: ForecastInput): Forecast {
  const { character, canon, now } = input;
  const rules = canon.forecast;
  const id = character.id;
  const defined = calendarCycleOf(character);
  const kind = defined?.kind ?? 'heat';
  if (!defined)
    return { character: id, kind, basis: 'insufficient', windows: [], note: 'no cycle on record' };
  const cycle = defined.def;

  const onsets = [...new Set(input.onsets ?? cycle.onsets.filter((o) => o <= now))].sort((a, b) => a - b);
  const last = onsets.at(-1);
  const known = last === undefined ? {} : { lastOnset: last };
  const insufficient = (note: string): Forecast => ({
    character: id,
    kind,
    basis: 'insufficient',
    windows: [],
    note,
    ...known,
  });
  // Only a heat cycle is stretched by a suppressant.
  const medication =
    kind === 'rut' ? { suppressant: false } : (input.medication ?? declaredMedication(character, canon, now));
  const ahead = Math.max(1, Math.floor(rules.windowsAhead));

  if (medication.suppressant) {
    const period = canon.suppressant.period;
    if (last === undefined || period <= 0) return insufficient('on the suppressant, but no onset on record');
    return {
      character: id,
      kind,
      basis: 'regimen',
      windows: windowsAfter(last, period, now, ahead, () => rules.regimenHalfWidth),
      cycleLength: period,
      note:
        `on the suppressant: one heat every ${span(period)}, lasting ${span(canon.suppressant.duration)}, ` +
        `expected within ${span(rules.regimenHalfWidth)} either side`,
      ...known,
    };
  }

  // Onsets that fell under a regimen with a known start are as good as shifted.
  const shifted = new Set(input.shifted ?? []);
  const { since, stoppedAt } = medication;
  if (since !== undefined && stoppedAt !== undefined)
    for (const o of onsets) if (o > since && o <= stoppedAt) shifted.add(o);

  // A missed record is a cycle far longer than the body's own: the declared period moves the cut-off.
  const longest = Math.max(rules.longestCycle, rules.missedRecordPeriods * cycle.period);
  const lengths: number[] = [];
  let tooLong = 0;
  let irregular = 0;
  for (let i = 1; i < onsets.length; i++) {
    const length = onsets[i]! - onsets[i - 1]!;
    if (length > longest) tooLong++;
    else if (shifted.has(onsets[i]!)) irregular++;
    else lengths.push(length);
  }
  const leftOut = [
    tooLong ? `${tooLong} longer than ${span(longest)}` : '',
    irregular ? `${irregular} shifted` : '',
  ].filter(Boolean);
  const leftOutNote = leftOut.length ? ` (left out: ${leftOut.join(', ')})` : '';

  const needed = Math.max(1, Math.ceil(rules.minCycles));
  if (last === undefined || lengths.length < needed) {
    return insufficient(
      `${plural(lengths.length, 'recorded cycle')}; ${needed} ${needed === 1 ? 'is' : 'are'} needed for a forecast${leftOutNote}`,
    );
  }

  const n = lengths.length;
  const mean = lengths.reduce((sum, l) => sum + l, 0) / n;
  // The sample (n − 1) standard deviation, as drip computes it; a single cycle has no spread.
  const spread = n > 1 ? Math.sqrt(lengths.reduce((sum, l) => sum + (l - mean) ** 2, 0) / (n - 1)) : 0;
  const halfWidth = Math.max(rules.minHalfWidth, rules.spreadToWidth * spread);

  // The first natural cycle after stopping the suppressant (when no onset is known since): the window
  // of the first onset expected at or after the stop is widened.
  let widened: number | undefined;
  if (stoppedAt !== undefined && last < stoppedAt)
    widened = Math.max(1, Math.ceil((stoppedAt - last) / mean));
  const factor = Math.max(1, rules.stopIrregularity);

  const widen = widened === undefined ? undefined : { k: widened, factor };
  const windows = windowsAfter(last, mean, now, ahead, (k) => halfWidth * Math.sqrt(k), widen);
  return {
    character: id,
    kind,
    basis: 'history',
    windows,
    cycleLength: mean,
    spread,
    note:
      `${plural(n, 'recorded cycle')}${leftOutNote}: about ${span(mean)} apart (spread ${span(spread)})` +
      (widened !== undefined
        ? `; the first cycle after the suppressant was stopped is ${factor}× as uncertain`
        : ''),
    lastOnset: last,
  };
}

/**
 * The first `count` windows k = 1, 2, … after `last`, centered at last + k × length, that have not closed
 * by `now` (windows already closed are skipped, but k keeps counting, so missed heats still count).
 * `halfWidth` must not shrink as k grows; window `widen.k` alone is `widen.factor` times as wide.
 */
function windowsAfter(
  last: number,
  length: number,
  now: number,
  count: number,
  halfWidth: (k: number) => number,
  widen?: { k: number; factor: number },
): ForecastWindow[] {
  const closes = (k: number) => last + k * length + halfWidth(k);
  // Smallest k whose window is still open at `now` (the closing instant grows with k): by bisection,
  // so that a record far in the past costs nothing.
  let lo = 1;
  let hi = Math.max(1, Math.ceil((now - last) / length) + 1);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (closes(mid) >= now) hi = mid;
    else lo = mid + 1;
  }
  const windows: ForecastWindow[] = [];
  for (let k = Math.min(lo, widen?.k ?? lo); windows.length < count; k++) {
    const center = last + k * length;
    const half = halfWidth(k) * (k === widen?.k ? widen.factor : 1);
    if (center + half < now) continue;
    windows.push({
      from: Math.round(center - half),
      to: Math.round(center + half),
      center: Math.round(center),
    });
  }
  return windows;
}

export interface Reminder {
  /** when the reminder fires */
  t: number;
  window: ForecastWindow;
}

/** A reminder `forecast.reminderLead` before each predicted onset, earliest first (some may be past). */
export function reminders(forecast: Forecast, canon: Canon): Reminder[] {
  return forecast.windows
    .map((window) => ({ t: window.center - canon.forecast.reminderLead, window }))
    .sort((a, b) => a.t - b.t);
}
