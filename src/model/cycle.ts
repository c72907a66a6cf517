/**
 * A body's cycle: an omega's heats, or an alpha's ruts. When they come by the cycle's definition (the
 * period and duration lived by, natural or, for heats, under a suppressant regimen), where in the
 * cycle the body is at an instant, and when that next changes. The engine's body follows it; the
 * calendar's forecasts (windows, rosters) build on the same schedule.
 *
 * A natural cycle varies: each length after the recorded history is the period plus `variability`
 * times a draw fixed by the scenario's seed, the character and the cycle's number — the same seed
 * gives the same heats, another seed others — kept within three standard deviations and at least half
 * the period. A suppressed cycle is regular.
 */
import type { Canon } from '../canon/types.js';
import { hashNormal } from '../units/hash-random.js';
import type { EventType } from '../vocabulary/events.js';
import type { CharacterDef, CycleDef } from './definition.js';

export type CycleKind = 'heat' | 'rut';

/** The events of each kind of cycle. */
export const CYCLE_EVENTS: Record<
  CycleKind,
  { pre: EventType; onset: EventType; end: EventType; advanced: EventType }
> = {
  heat: { pre: 'pre-heat', onset: 'heat-onset', end: 'heat-end', advanced: 'heat-advanced' },
  rut: { pre: 'pre-rut', onset: 'rut-onset', end: 'rut-end', advanced: 'rut-advanced' },
};

/** Where the body is: outside the cycle's build-up, in it (pre-heat, pre-rut), or in heat or rut. */
export type CyclePhase = 'none' | 'pre' | 'on';

export interface CycleState {
  /** the latest onset at or before now (recorded, inferred or lived), or null when none is known */
  lastOnset: number | null;
  /** when the heat or rut that began at lastOnset ends (null when no onset is known) */
  end: number | null;
  phase: CyclePhase;
  /** seconds by which exposure has brought the coming onset forward */
  advance: number;
  /** onsets placed after the recorded history so far (each one's length was drawn by its number) */
  placed: number;
  /** onsets lived in this run, with how far each was brought forward and whether it was suppressed */
  lived: { onset: number; advanced: number; suppressed: boolean }[];
}

/** A character's cycle as the schedule needs it: its definition, its kind, and whose draws are its. */
export interface Schedule {
  def: CycleDef;
  kind: CycleKind;
  /** the scenario's seed and the character's id: the variability draws are theirs */
  seed: number;
  who: string;
}

/** The cycles a character has by definition (a heat cycle, a rut, or neither), each with its kind. */
export function schedulesOf(character: CharacterDef, seed: number): Schedule[] {
  const out: Schedule[] = [];
  if (character.cycle) out.push({ def: character.cycle, kind: 'heat', seed, who: character.id });
  if (character.rut) out.push({ def: character.rut, kind: 'rut', seed, who: character.id });
  return out;
}

/** The cycle a character's calendar follows: their heat cycle, or else their rut (a character has one). */
export function calendarCycleOf(character: CharacterDef): { def: CycleDef; kind: CycleKind } | undefined {
  if (character.cycle) return { def: character.cycle, kind: 'heat' };
  if (character.rut) return { def: character.rut, kind: 'rut' };
  return undefined;
}

/** The kind of cycle a representation's body lives: heats for omegas, ruts for alphas. */
export const cycleKindOf = (representation: string): CycleKind | undefined =>
  representation === 'omega' ? 'heat' : representation === 'alpha' ? 'rut' : undefined;

/** The phase's name, as events and queries say it: `pre-heat`, `heat`, `pre-rut`, `rut`, `none`. */
export const phaseName = (kind: CycleKind, phase: CyclePhase): string =>
  phase === 'none' ? 'none' : phase === 'pre' ? `pre-${kind}` : kind;

/** Only a heat cycle is stretched by a suppressant. */
const suppressed = (schedule: Schedule, masked: boolean) => masked && schedule.kind === 'heat';

export const cyclePeriod = (schedule: Schedule, canon: Canon, masked: boolean) =>
  suppressed(schedule, masked) ? canon.suppressant.period : schedule.def.period;

export const cycleDuration = (schedule: Schedule, canon: Canon, masked: boolean) =>
  suppressed(schedule, masked) ? canon.suppressant.duration : schedule.def.duration;

/** How long before onset the build-up (pre-heat, pre-rut) begins. */
export const buildUpWindow = (kind: CycleKind, canon: Canon) =>
  kind === 'heat' ? canon.heat.preHeatWindow : canon.rut.preRutWindow;

/**
 * The length of the `placed`-th cycle after the recorded history: the period, varied by a draw
 * fixed by (seed, character, kind, number), within three standard deviations and at least half the
 * period; a suppressed cycle is regular.
 */
export function cycleLength(schedule: Schedule, canon: Canon, masked: boolean, placed: number): number {
  const period = cyclePeriod(schedule, canon, masked);
  const spread = schedule.def.variability;
  if (suppressed(schedule, masked) || spread <= 0) return period;
  const z = Math.max(
    -3,
    Math.min(3, hashNormal(schedule.seed, `${schedule.who}/${schedule.kind}/${placed}`)),
  );
  return Math.max(period / 2, period + spread * z);
}

/**
 * The onset after `lastOnset`: a recorded future onset if the scenario gives one, else one cycle on
 * (the `placed + 1`-th drawn length).
 */
export function nextOnset(
  schedule: Schedule,
  canon: Canon,
  lastOnset: number,
  placed: number,
  masked: boolean,
): number {
  for (const onset of schedule.def.onsets) if (onset > lastOnset) return onset;
  return lastOnset + cycleLength(schedule, canon, masked, placed + 1);
}

/** Whether an onset comes from the record (not drawn): it does not count as placed. */
const recorded = (schedule: Schedule, onset: number) => schedule.def.onsets.includes(onset);

/**
 * The body's cycle at instant `now` (the scenario's start, or when a character presents). Recorded
 * history is extended through any gap up to `now`: heats the record missed still happened.
 */
export function initialCycle(schedule: Schedule, canon: Canon, masked: boolean, now = 0): CycleState {
  let lastOnset: number | null = null;
  for (const onset of schedule.def.onsets) if (onset <= now) lastOnset = onset;
  if (lastOnset === null) {
    // No onset yet: only a recorded future one says when the first comes (its build-up may be under way).
    const state: CycleState = { lastOnset: null, end: null, phase: 'none', advance: 0, placed: 0, lived: [] };
    state.phase = phaseAt(schedule, canon, state, masked, now).phase;
    return state;
  }
  let placed = 0;
  for (let next = nextOnset(schedule, canon, lastOnset, placed, masked); next <= now; ) {
    if (!recorded(schedule, next)) placed++;
    lastOnset = next;
    next = nextOnset(schedule, canon, lastOnset, placed, masked);
  }
  const end = lastOnset + cycleDuration(schedule, canon, masked);
  const state: CycleState = { lastOnset, end, phase: 'none', advance: 0, placed, lived: [] };
  state.phase = phaseAt(schedule, canon, state, masked, now).phase;
  return state;
}

/**
 * The body's cycle moves on to an onset at `t` (due at `scheduled`, before exposure brought it
 * forward), lasting its duration.
 */
export function beginOnset(
  schedule: Schedule,
  canon: Canon,
  state: CycleState,
  masked: boolean,
  t: number,
  scheduled: number,
): void {
  if (!recorded(schedule, scheduled)) state.placed++;
  state.lastOnset = t;
  state.end = t + cycleDuration(schedule, canon, masked);
  state.phase = 'on';
  state.lived.push({ onset: t, advanced: state.advance, suppressed: suppressed(schedule, masked) });
  state.advance = 0;
}

export interface PhaseReading {
  phase: CyclePhase;
  /** 0..1 through the build-up window (1 in heat or rut) */
  ramp: number;
  /** the next instant at which the phase changes */
  changesAt: number;
  /** the onset this reading leads to (the next one, or the current heat's or rut's) */
  onset: number;
}

export function phaseAt(
  schedule: Schedule,
  canon: Canon,
  state: CycleState,
  masked: boolean,
  t: number,
): PhaseReading {
  if (state.lastOnset !== null && state.end !== null && t < state.end) {
    return { phase: 'on', ramp: 1, changesAt: state.end, onset: state.lastOnset };
  }
  // With no onset yet, only a recorded future onset says when the first comes.
  const scheduled =
    state.lastOnset === null
      ? schedule.def.onsets[0]
      : nextOnset(schedule, canon, state.lastOnset, state.placed, masked);
  if (scheduled === undefined)
    return { phase: 'none', ramp: 0, changesAt: Number.POSITIVE_INFINITY, onset: Number.NaN };
  const onset = scheduled - state.advance;
  const window = buildUpWindow(schedule.kind, canon);
  const rampStart = onset - window;
  if (t < rampStart) return { phase: 'none', ramp: 0, changesAt: rampStart, onset };
  const ramp = window > 0 ? Math.min(1, (t - rampStart) / window) : 1;
  return { phase: 'pre', ramp, changesAt: onset, onset };
}
