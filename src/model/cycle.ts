/**
 * An omega's heat cycle: when her heats come by her cycle's definition (the period and duration she
 * lives by, natural or under a suppressant regimen), where in the cycle her body is at an instant, and
 * when that next changes. The engine's body follows it; the calendar's forecasts (windows,
 * variability, rosters) build on the same schedule.
 */
import type { Canon } from '../canon/types.js';
import type { CycleDef } from './definition.js';

export type CyclePhase = 'none' | 'pre-heat' | 'heat';

export interface CycleState {
  /** the latest onset at or before now (recorded, inferred or lived), or null when none is known */
  lastOnset: number | null;
  /** when the heat that began at lastOnset ends (null when no onset is known) */
  heatEnd: number | null;
  phase: CyclePhase;
  /** seconds by which exposure has brought the coming onset forward */
  advance: number;
  /** onsets lived in this run, with how far each was brought forward and whether it was suppressed */
  lived: { onset: number; advanced: number; suppressed: boolean }[];
}

export const cyclePeriod = (cycle: CycleDef, canon: Canon, masked: boolean) =>
  masked ? canon.suppressant.period : cycle.period;

export const heatDuration = (cycle: CycleDef, canon: Canon, masked: boolean) =>
  masked ? canon.suppressant.duration : cycle.duration;

/** The onset after `lastOnset`: a recorded future onset if the scenario gives one, else one period on. */
export function nextOnset(cycle: CycleDef, canon: Canon, lastOnset: number, masked: boolean): number {
  for (const onset of cycle.onsets) if (onset > lastOnset) return onset;
  return lastOnset + cyclePeriod(cycle, canon, masked);
}

/**
 * The body's cycle at the scenario's start. Recorded history is extended by whole periods through any
 * gap up to the start: heats the record missed still happened.
 */
export function initialCycle(cycle: CycleDef, canon: Canon, masked: boolean): CycleState {
  let lastOnset: number | null = null;
  for (const onset of cycle.onsets) if (onset <= 0) lastOnset = onset;
  if (lastOnset === null) return { lastOnset: null, heatEnd: null, phase: 'none', advance: 0, lived: [] };
  for (
    let next = nextOnset(cycle, canon, lastOnset, masked);
    next <= 0;
    next = nextOnset(cycle, canon, lastOnset, masked)
  ) {
    lastOnset = next;
  }
  const heatEnd = lastOnset + heatDuration(cycle, canon, masked);
  const state: CycleState = { lastOnset, heatEnd, phase: 'none', advance: 0, lived: [] };
  state.phase = phaseAt(cycle, canon, state, masked, 0).phase;
  return state;
}

export interface PhaseReading {
  phase: CyclePhase;
  /** 0..1 through the pre-heat window (1 in heat) */
  ramp: number;
  /** the next instant at which the phase changes */
  changesAt: number;
  /** the onset this reading leads to (the next one, or the current heat's) */
  onset: number;
}

export function phaseAt(
  cycle: CycleDef,
  canon: Canon,
  state: CycleState,
  masked: boolean,
  t: number,
): PhaseReading {
  if (state.lastOnset !== null && state.heatEnd !== null && t < state.heatEnd) {
    return { phase: 'heat', ramp: 1, changesAt: state.heatEnd, onset: state.lastOnset };
  }
  // With no onset yet, only a recorded future onset says when the first heat comes.
  const scheduled =
    state.lastOnset === null ? cycle.onsets[0] : nextOnset(cycle, canon, state.lastOnset, masked);
  if (scheduled === undefined)
    return { phase: 'none', ramp: 0, changesAt: Number.POSITIVE_INFINITY, onset: Number.NaN };
  const onset = scheduled - state.advance;
  const window = canon.heat.preHeatWindow;
  const rampStart = onset - window;
  if (t < rampStart) return { phase: 'none', ramp: 0, changesAt: rampStart, onset };
  const ramp = window > 0 ? Math.min(1, (t - rampStart) / window) : 1;
  return { phase: 'pre-heat', ramp, changesAt: onset, onset };
}
