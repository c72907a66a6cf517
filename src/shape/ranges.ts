/**
 * The accepted range of every number a scenario may write, in its fields and in `canon_overrides`: one
 * table, read by the scenario's schema, by the overrides and by the docs (docs/errors.md lists every
 * row, and a test keeps it so). Ranges keep to physical sense (volumes, flows and rates positive and
 * bounded, counts whole) and keep the engine's work finite: a place of 1e-308 m³ beside a door of
 * 1e308 m³/h would make air steps without end.
 */
import { formatDuration } from '../units/time.js';

export interface Range {
  min: number;
  max: number;
  /** a count: whole numbers only */
  int?: true;
  /**
   * 0, or at least this: a rate that may be off but, on, is not vanishingly small (a ventilation of
   * 5e-324 has a time constant past any float, and the air's steady state overflows)
   */
  least?: number;
  /** measured in seconds: an override may write it as a duration ("8h", "1d 7:00") */
  seconds?: true;
  /** the unit, as a message names it */
  unit?: string;
}

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;
const YEAR = 365 * DAY;

const share: Range = { min: 0, max: 1 };
const seconds = (min: number, max: number): Range => ({ min, max, seconds: true, unit: 'seconds' });
const count = (min: number, max: number): Range => ({ min, max, int: true });
const multiplier: Range = { min: 0, max: 100 };
const dose: Range = { min: 1e-6, max: 1e6, unit: 'dose units' };
const flow: Range = { min: 0, least: 0.001, max: 10_000, unit: 'm³/h' };
const age: Range = { min: 0, max: 150, unit: 'years' };
const term: Range = { min: -10, max: 10 };
const weight: Range = { min: 0, max: 10 };

/** The scenario file's numbers, by where they are written (`*`: any id or list index). */
export const SCENARIO_RANGES = {
  seed: count(0, 4_294_967_295),
  'places.*.volume': { min: 1, max: 100_000, unit: 'm³' },
  'places.*.ventilation': { min: 0, least: 0.001, max: 100, unit: 'air changes per hour' },
  'places.*.x, places.*.y': { min: -100_000, max: 100_000, unit: 'm' },
  'characters.*.age': age,
  'characters.*.self_control, characters.*.habituation': share,
  'characters.*.rank': { min: -1_000, max: 1_000 },
  'characters.*.cycle.period, characters.*.rut.period': seconds(HOUR, 2 * YEAR),
  'characters.*.cycle.duration, characters.*.rut.duration': seconds(MINUTE, YEAR),
  'characters.*.cycle.variability, characters.*.rut.variability': seconds(0, YEAR),
  'relations.*.affinity, relations.*.trust': share,
  /** every other instant: a cycle's onsets, a medication's `since`, roster and expectation times */
  instants: seconds(-100 * YEAR, 100 * YEAR),
  'timeline.*.at': seconds(0, 100 * YEAR),
  until: seconds(1, 100 * YEAR),
  'expect.*.count': count(0, 1_000_000),
  'expect.*.value, expect.*.data.*': { min: -1e15, max: 1e15 },
} satisfies Record<string, Range>;

/** The canon's numbers, by dotted path (`*`: any one key), as `canon_overrides` writes them. */
export const CANON_RANGES = {
  'representations.*.emission': { min: 0, max: 100_000, unit: 'u/h' },
  'representations.*.sensitivity': { min: 0, max: 100 },
  'signature.personalShare': share,
  'air.openDoorFlow': flow,
  'air.closedDoorFlow': flow,
  'air.sealedDoorFlow': flow,
  'air.nearFieldFlow': { min: 0.1, max: 10_000, unit: 'm³/h' },
  'air.tick': seconds(0.1, HOUR),
  'air.quietTick': seconds(1, DAY),
  'air.settle': seconds(0, YEAR),
  'perception.detect': dose,
  'perception.identify': dose,
  'perception.recogniseHeat': dose,
  'perception.thresholdNoise': { min: 0, max: 5 },
  'perception.rearm': share,
  'perception.trace': share,
  'residue.transfer': share,
  'residue.halfLife': seconds(1, YEAR),
  'residue.showerRemoval': share,
  'heat.preHeatWindow': seconds(0, 30 * DAY),
  'heat.preHeatEmission': multiplier,
  'heat.preHeatNote': share,
  'heat.heatEmission': multiplier,
  'heat.heatNote': multiplier,
  'heat.advanceRate': { min: 0, max: 1_000 },
  'heat.advanceCap': seconds(0, 30 * DAY),
  'rut.preRutWindow': seconds(0, 30 * DAY),
  'rut.preRutEmission': multiplier,
  'rut.preRutNote': share,
  'rut.rutEmission': multiplier,
  'rut.rutNote': multiplier,
  'rut.aggression': multiplier,
  'rut.selfControlDrop': share,
  'rut.advanceRate': { min: 0, max: 1_000 },
  'rut.advanceCap': seconds(0, 30 * DAY),
  'suppressant.omegaNoteTrace': share,
  'suppressant.heatNoteTrace': share,
  'suppressant.betaNote': weight,
  'suppressant.period': seconds(DAY, 2 * YEAR),
  'suppressant.duration': seconds(0, YEAR),
  'agitation.lie': weight,
  'agitation.halfLife': seconds(1, YEAR),
  'agitation.sourShare': share,
  'lies.sniffDelay': seconds(0, HOUR),
  'lies.sourThreshold': dose,
  'beliefs.*': share,
  'rutDefaults.period': seconds(HOUR, 2 * YEAR),
  'rutDefaults.duration': seconds(MINUTE, YEAR),
  'rutDefaults.variability': seconds(0, YEAR),
  'cycleDefaults.period': seconds(HOUR, 2 * YEAR),
  'cycleDefaults.duration': seconds(MINUTE, YEAR),
  'cycleDefaults.variability': seconds(0, YEAR),
  'forecast.minCycles': count(1, 100),
  'forecast.longestCycle': seconds(DAY, 2 * YEAR),
  'forecast.missedRecordPeriods': { min: 0, max: 10 },
  'forecast.windowsAhead': count(1, 100),
  'forecast.spreadToWidth': multiplier,
  'forecast.minHalfWidth': seconds(0, YEAR),
  'forecast.regimenHalfWidth': seconds(0, YEAR),
  'forecast.coreShare': share,
  'forecast.reminderLead': seconds(0, YEAR),
  'forecast.stopIrregularity': multiplier,
  'forecast.proposals': count(0, 100),
  'forecast.proposalStep': seconds(MINUTE, YEAR),
  'instinct.halfLife.*': seconds(1, YEAR),
  'instinct.riseTime.*': seconds(0.1, YEAR),
  'instinct.selfControl.*': weight,
  'instinct.youth.age': age,
  'instinct.youth.span': { min: 0.1, max: 150, unit: 'years' },
  'instinct.youth.gain': multiplier,
  'instinct.youth.max': multiplier,
  'instinct.habituation.startAge': age,
  'instinct.habituation.perYear': share,
  'instinct.habituation.max': share,
  'instinct.habituation.exposure': { min: 1e-6, max: 1e12, unit: 'dose-seconds' },
  'instinct.unhabituatedGain': multiplier,
  'instinct.habituationReducesProtect': weight,
  'instinct.derivedAffinity.*': share,
  'instinct.defaultTrust': share,
  'instinct.thresholds.resist': share,
  'instinct.thresholds.release': share,
  'instinct.thresholds.reset': share,
  'instinct.thresholds.*': multiplier,
  'instinct.doseFactorCap': { min: 0, max: 1_000 },
  'instinct.shiverCooldown': seconds(0, DAY),
  'instinct.shiverAgitation': weight,
  'orders.base': term,
  'orders.believed.*.*': term,
  'orders.patience': seconds(0, YEAR),
  'orders.*': weight,
  'orders.voice.*': weight,
  'bonds.damping': weight,
  'bonds.mateUnease': share,
  'bonds.claimedElsewhere': share,
  'bonds.separation.*': seconds(0, 10 * YEAR),
  'bonds.fadeAfter': seconds(0, 10 * YEAR),
  'narration.paragraph': seconds(0, DAY),
  'narration.scent.*': { min: 0, max: 1e9, unit: 'u/m³' },
  'narration.fade': share,
  'narration.reminder': seconds(1, YEAR),
  'narration.bodyReminder': seconds(1, YEAR),
  'narration.recalls': count(1, 100_000),
  'narration.sample': seconds(1, DAY),
  'narration.samples': count(1, 1_000_000),
  'narration.sceneBreak': seconds(0, YEAR),
  'population.presentationAge': age,
  'population.adultAge.*': age,
  'population.recordedCycles': count(0, 1_000),
  'population.*': share,
  'gear.*.emissionPass': share,
  'gear.*.intakePass': share,
  'gear.*.trapTime': seconds(0, DAY),
  'rules.*.amount': weight,
} satisfies Record<string, Range>;

const PATTERNS = Object.entries(CANON_RANGES).map(
  ([pattern, range]) =>
    [new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}$`), range] as const,
);

/** The range of the canon number at `path` (dotted); the first pattern that matches, most specific first. */
export function canonRange(path: string): Range | undefined {
  return PATTERNS.find(([pattern]) => pattern.test(path))?.[1];
}

export const inRange = (n: number, r: Range): boolean =>
  Number.isFinite(n) &&
  n >= r.min &&
  n <= r.max &&
  (!r.int || Number.isInteger(n)) &&
  (r.least === undefined || n === 0 || n >= r.least);

/**
 * `from 0 to 1`, `from 1 to 100 (a whole number)`, `from 1 to 100000 m³`, `from 3600 to 63072000 seconds
 * ("1:00:00" to "730d")`: as messages and docs say it.
 */
export function describeRange(r: Range): string {
  const from = r.least === undefined ? `from ${r.min}` : `${r.min}, or from ${r.least}`;
  const text = `${from} to ${r.max}${r.unit ? ` ${r.unit}` : ''}${r.int ? ' (a whole number)' : ''}`;
  return r.seconds && Number.isInteger(r.min) && Number.isInteger(r.max)
    ? `${text} ("${formatDuration(r.min)}" to "${formatDuration(r.max)}")`
    : text;
}

/** The accepted value nearest to `n` (for a hint); undefined when there is no nearest (NaN). */
export function nearest(n: number, r: Range): number | undefined {
  if (Number.isNaN(n)) return undefined;
  const clamped = Math.min(r.max, Math.max(r.min, n));
  if (r.least !== undefined && clamped > 0 && clamped < r.least) return r.least;
  return r.int ? Math.min(r.max, Math.max(r.min, Math.round(clamped))) : clamped;
}
