/**
 * Onset advance: a cycle's build-up is brought forward by the other kind nearby. An omega in pre-heat
 * with an unbonded alpha in the same place: her heat comes early by the alpha-note dose she takes in
 * over time (`heat.advanceRate`, up to `heat.advanceCap`). An alpha in pre-rut with an omega in heat in
 * the same place: his rut comes early by the heat-note dose (`rut.advanceRate`, up to
 * `rut.advanceCap`). Each whole hour gained is logged (`heat-advanced`, `rut-advanced`), naming the one
 * whose scent weighed most. Nobody under 18 brings anyone's cycle on, or has one.
 */

import { CYCLE_EVENTS } from '../../model/cycle.js';
import { round3 } from '../../units/numbers.js';
import { SECONDS_PER_HOUR } from '../../units/time.js';
import { NOTE, NOTE_COUNT } from '../../vocabulary/notes.js';
import { isAdult } from '../../vocabulary/representations.js';
import { type Engine, placeOf, representationOf } from '../state/context.js';
import { emit, exposureCauses, lastOfType } from '../state/log.js';
import { findPair } from '../state/pairs.js';
import { cycleNow } from './cycle.js';

/** Brings build-ups forward for the `elapsed` seconds since the last instant. */
export function advanceOnsets(w: Engine, elapsed: number): void {
  if (elapsed <= 0) return;
  const chars = w.definition.characters;
  const s = w.s;
  for (let o = 0; o < w.n; o++) {
    const now = cycleNow(w, o);
    if (now?.state.phase !== 'pre' || !isAdult(chars[o]!)) continue;
    const kind = now.schedule.kind;
    const { advanceRate, advanceCap } = kind === 'heat' ? w.canon.heat : w.canon.rut;
    const cycle = now.state;
    if (cycle.advance >= advanceCap) continue;
    let gain = 0;
    let strongest = -1;
    let strongestDose = 0;
    for (let a = 0; a < w.n; a++) {
      // Exposure to the other himself or herself: in the same place (lingering scent or residue
      // elsewhere is not them).
      if (a === o || s.place[a] !== s.place[o] || !isAdult(chars[a]!)) continue;
      if (
        kind === 'heat'
          ? !unbondedAlpha(w, a)
          : cycleNow(w, a)?.state.phase !== 'on' || cycleNow(w, a)?.schedule.kind !== 'heat'
      )
        continue;
      const pair = findPair(w, o, a);
      const dose =
        pair < 0 ? 0 : w.instantDoses[pair * NOTE_COUNT + (kind === 'heat' ? NOTE.alpha : NOTE.heat)]!;
      gain += dose * elapsed * advanceRate;
      if (dose > strongestDose) {
        strongest = a;
        strongestDose = dose;
      }
    }
    if (gain <= 0 || strongest < 0) continue;
    const before = cycle.advance;
    cycle.advance = Math.min(advanceCap, before + gain);
    const hours = Math.floor(cycle.advance / SECONDS_PER_HOUR);
    if (hours > Math.floor(before / SECONDS_PER_HOUR)) {
      const events = CYCLE_EVENTS[kind];
      emit(
        w,
        events.advanced,
        { actor: chars[o]!.id, target: chars[strongest]!.id, place: placeOf(w, o), value: hours },
        [...lastOfType(w, o, events.pre), ...exposureCauses(w, o, strongest)],
        {
          advance: Math.round(cycle.advance),
          onset: cycleNow(w, o)!.reading.onset,
          dose: round3(strongestDose),
        },
      );
    }
  }
}

const unbondedAlpha = (w: Engine, a: number) => representationOf(w, a) === 'alpha' && w.s.bondedTo[a]! < 0;
