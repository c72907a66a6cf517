/**
 * The body's cycle, lived: an omega's heats and an alpha's ruts. The body enters its build-up (pre-heat,
 * pre-rut: the scent strengthening through the window before onset), comes into heat or rut, and out of
 * it, on the schedule of `model/cycle.ts` as exposure has moved it (`onset-advance.ts`). Each onset
 * refreshes the body's own forecast's reminders (`calendar-hooks.ts`). A body lives the cycle of what it
 * is: an unpresented character's cycle starts when they present as its kind.
 */
import {
  beginOnset,
  CYCLE_EVENTS,
  type CycleState,
  cycleKindOf,
  initialCycle,
  type PhaseReading,
  phaseAt,
  type Schedule,
} from '../../model/cycle.js';
import type { WorldEvent } from '../../model/events.js';
import { type Engine, placeOf, representationOf } from '../state/context.js';
import { emit, lastOfType, noteExposure } from '../state/log.js';
import { mateApart } from './bonds.js';
import { scheduleReminders } from './calendar-hooks.js';
import { masked } from './suppressant.js';

/** The cycle `c`'s body lives now (by what they are), if they have one. */
export function activeSchedule(w: Engine, c: number): Schedule | undefined {
  const kind = cycleKindOf(representationOf(w, c));
  return kind && w.schedules[c]!.find((s) => s.kind === kind);
}

/** `c`'s cycle now: its schedule, its state and where it stands at `t` (default: now). */
export function cycleNow(
  w: Engine,
  c: number,
  t = w.s.t,
): { schedule: Schedule; state: CycleState; reading: PhaseReading } | undefined {
  const state = w.s.cycles[c];
  const schedule = state && activeSchedule(w, c);
  if (!state || !schedule) return undefined;
  return { schedule, state, reading: phaseAt(schedule, w.canon, state, masked(w, c), t) };
}

/** Moves every body through its cycle up to now, logging each phase change. */
export function updateCycles(w: Engine): void {
  const t = w.s.t;
  for (let i = 0; i < w.n; i++) {
    const state = w.s.cycles[i];
    const schedule = state && activeSchedule(w, i);
    if (!state || !schedule) continue;
    const isMasked = masked(w, i);
    const events = CYCLE_EVENTS[schedule.kind];
    const where = { actor: w.definition.characters[i]!.id, place: placeOf(w, i) };
    // A heat or rut lived apart from one's mate is told as such.
    const mate = mateApart(w, i);
    const apart: WorldEvent['data'] = mate >= 0 ? { apartFrom: w.definition.characters[mate]!.id } : {};
    for (let guard = 0; guard < 4; guard++) {
      const reading = phaseAt(schedule, w.canon, state, isMasked, t);
      if (state.phase === 'on' && reading.phase !== 'on') {
        state.phase = 'none';
        noteExposure(w, [i], emit(w, events.end, where, lastOfType(w, i, events.onset), apart));
        continue;
      }
      if (reading.phase === 'pre' && state.phase === 'none') {
        state.phase = 'pre';
        noteExposure(w, [i], emit(w, events.pre, where, [], { onset: reading.onset }));
        continue;
      }
      if (reading.phase !== 'on' && t >= reading.onset) {
        // Onset: it begins now. An overdue one (a suppressant stopped long after the natural date)
        // begins now too: one rebound, not a replay of the missed ones.
        beginOnset(schedule, w.canon, state, isMasked, t, reading.onset + state.advance);
        scheduleReminders(w, i);
        const causes = lastOfType(w, i, events.pre);
        noteExposure(
          w,
          [i],
          emit(w, events.onset, where, causes, {
            onset: t,
            ...(reading.onset < t && { due: reading.onset }),
            ...apart,
          }),
        );
        continue;
      }
      break;
    }
  }
}

/** The bodies already in a phase at the start: logged as ongoing (their onset is before the start). */
export function startCycles(w: Engine): void {
  for (let i = 0; i < w.n; i++) logOngoing(w, i, []);
}

/**
 * A character who has just presented (event `presented`) starts living the cycle of what they now
 * are, if they have one: already in a phase, it is logged as ongoing.
 */
export function startCycleOnPresenting(w: Engine, c: number, presented: number): void {
  const schedule = activeSchedule(w, c);
  w.s.cycles[c] = schedule ? initialCycle(schedule, w.canon, masked(w, c), w.s.t) : null;
  logOngoing(w, c, [presented]);
}

/** A body found in a phase (at the start, or on presenting): an event with `ongoing: true`. */
function logOngoing(w: Engine, c: number, causes: number[]): void {
  const now = cycleNow(w, c);
  if (!now || now.state.phase === 'none') return;
  const events = CYCLE_EVENTS[now.schedule.kind];
  const id = emit(
    w,
    now.state.phase === 'on' ? events.onset : events.pre,
    { actor: w.definition.characters[c]!.id, place: placeOf(w, c) },
    causes,
    { onset: now.reading.onset, ongoing: true },
  );
  noteExposure(w, [c], id);
}
