/**
 * The heat cycle, lived: an omega's body enters pre-heat (her scent strengthening through the window
 * before onset), comes into heat (strong enough for betas to recognise), and out of it, on the schedule
 * of `model/cycle.ts` as exposure has moved it (`onset-advance.ts`). Each onset refreshes her own
 * forecast's reminders (`calendar-hooks.ts`).
 */
import { heatDuration, phaseAt } from '../../model/cycle.js';
import { type Engine, placeOf } from '../state/context.js';
import { emit, lastOfType, noteExposure } from '../state/log.js';
import { scheduleReminders } from './calendar-hooks.js';
import { masked } from './suppressant.js';

/** Moves every body through its cycle up to now, logging each phase change. */
export function updateCycles(w: Engine): void {
  const t = w.s.t;
  w.definition.characters.forEach((c, i) => {
    const cycle = w.s.cycles[i];
    if (!cycle || !c.cycle) return;
    const isMasked = masked(w, i);
    const where = { actor: c.id, place: placeOf(w, i) };
    for (let guard = 0; guard < 4; guard++) {
      const reading = phaseAt(c.cycle, w.canon, cycle, isMasked, t);
      if (cycle.phase === 'heat' && reading.phase !== 'heat') {
        cycle.phase = 'none';
        noteExposure(w, [i], emit(w, 'heat-end', where, lastOfType(w, i, 'heat-onset')));
        continue;
      }
      if (reading.phase === 'pre-heat' && cycle.phase === 'none') {
        cycle.phase = 'pre-heat';
        noteExposure(w, [i], emit(w, 'pre-heat', where, [], { onset: reading.onset }));
        continue;
      }
      if (reading.phase !== 'heat' && t >= reading.onset) {
        // Onset: the heat begins now. An overdue one (a suppressant stopped long after the natural
        // date) begins now too: one rebound heat, not a replay of the missed ones.
        cycle.lastOnset = t;
        cycle.heatEnd = t + heatDuration(c.cycle, w.canon, isMasked);
        cycle.phase = 'heat';
        cycle.lived.push({ onset: t, advanced: cycle.advance, suppressed: isMasked });
        cycle.advance = 0;
        scheduleReminders(w, i);
        const causes = lastOfType(w, i, 'pre-heat');
        noteExposure(
          w,
          [i],
          emit(w, 'heat-onset', where, causes, {
            onset: t,
            ...(reading.onset < t && { due: reading.onset }),
          }),
        );
        continue;
      }
      break;
    }
  });
}

/** The bodies already in a phase at the start: logged as ongoing (their onset is before the start). */
export function startCycles(w: Engine): void {
  w.definition.characters.forEach((c, i) => {
    const cycle = w.s.cycles[i];
    if (!cycle || !c.cycle || cycle.phase === 'none') return;
    const reading = phaseAt(c.cycle, w.canon, cycle, masked(w, i), 0);
    const id = emit(
      w,
      cycle.phase === 'heat' ? 'heat-onset' : 'pre-heat',
      { actor: c.id, place: placeOf(w, i) },
      [],
      { onset: reading.onset, ongoing: true },
    );
    noteExposure(w, [i], id);
  });
}
