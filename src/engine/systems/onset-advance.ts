/**
 * Onset advance: being with an unbonded alpha during pre-heat brings an omega's onset forward, by the
 * alpha-note dose she takes in over time (`heat.advanceRate`), up to `heat.advanceCap`. Each whole hour
 * gained is logged (`heat-advanced`), naming the alpha whose scent weighed most.
 */
import { phaseAt } from '../../model/cycle.js';
import { round3 } from '../../units/numbers.js';
import { SECONDS_PER_HOUR } from '../../units/time.js';
import { NOTE, NOTE_COUNT } from '../../vocabulary/notes.js';
import { type Engine, placeOf } from '../state/context.js';
import { emit, exposureCauses, lastOfType } from '../state/log.js';
import { masked } from './suppressant.js';

/** Brings pre-heat onsets forward for the `elapsed` seconds since the last instant. */
export function advanceOnsets(w: Engine, elapsed: number): void {
  if (elapsed <= 0) return;
  const heat = w.canon.heat;
  const chars = w.definition.characters;
  const s = w.s;
  for (let o = 0; o < w.n; o++) {
    const cycle = s.cycles[o];
    if (cycle?.phase !== 'pre-heat' || cycle.advance >= heat.advanceCap) continue;
    let gain = 0;
    let strongest = -1;
    let strongestDose = 0;
    for (let a = 0; a < w.n; a++) {
      // Exposure to the alpha himself: in the same place (his lingering scent or residue elsewhere is not him).
      if (a === o || chars[a]!.representation !== 'alpha' || s.bondedTo[a]! >= 0) continue;
      if (s.place[a] !== s.place[o]) continue;
      const dose = w.instantDoses[(o * w.n + a) * NOTE_COUNT + NOTE.alpha]!;
      gain += dose * elapsed * heat.advanceRate;
      if (dose > strongestDose) {
        strongest = a;
        strongestDose = dose;
      }
    }
    if (gain <= 0 || strongest < 0) continue;
    const before = cycle.advance;
    cycle.advance = Math.min(heat.advanceCap, before + gain);
    const hours = Math.floor(cycle.advance / SECONDS_PER_HOUR);
    if (hours > Math.floor(before / SECONDS_PER_HOUR)) {
      const reading = phaseAt(chars[o]!.cycle!, w.canon, cycle, masked(w, o), s.t);
      emit(
        w,
        'heat-advanced',
        { actor: chars[o]!.id, target: chars[strongest]!.id, place: placeOf(w, o), value: hours },
        [...lastOfType(w, o, 'pre-heat'), ...exposureCauses(w, o, strongest)],
        { advance: Math.round(cycle.advance), onset: reading.onset, dose: round3(strongestDose) },
      );
    }
  }
}
