/**
 * Carried scent: contact leaves each one's signature on the other (`residue.ts`), and a third nose
 * close to the carrier can tell whose it is — "Corin smelled Rhys on Noor".
 */
import { round3 } from '../../units/numbers.js';
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import { type Engine, idOf, placeOf, representationOf } from '../state/context.js';
import { emit, exposureCauses } from '../state/log.js';
import { findPair, pairOf } from '../state/pairs.js';
import { gearProduct } from './gear.js';
import { closeTo } from './near-field.js';
import { threshold } from './thresholds.js';

/**
 * Scent carried on someone: close to a carrier (a shared near field), a nose takes in the residue of
 * others on their skin, and notices whose it is (`smell-on`: "Corin smelled Rhys on Noor"), once,
 * until it fades below the rearm level.
 */
export function smellOn(w: Engine, o: number): void {
  // Nobody carries anything: there is nothing on anyone to smell.
  if (w.residueSlots.size === 0) return;
  const s = w.s;
  const p = w.canon.perception;
  const sensitivity = w.canon.representations[representationOf(w, o)].sensitivity;
  const intake = gearProduct(w, o, 'intakePass');
  for (const c of closeTo(w, o)) {
    // In a fixed order, whatever order the residue came in: a restored world tells the same.
    for (const e of [...w.watched[c]!].sort((a, b) => a - b)) {
      if (e === o || e === c) continue;
      const on = findPair(w, c, e);
      if (on < 0) continue;
      let carried = 0;
      for (let k = 0; k < NOTE_COUNT; k++) carried += s.pairs.residue[on * NOTE_COUNT + k]!;
      if (carried === 0) continue;
      const dose = (sensitivity * intake * carried) / w.canon.air.nearFieldFlow;
      const detectAt = p.detect * threshold(w, pairOf(w, o, e), 'detect');
      const key = `${o},${c},${e}`;
      const noticed = s.carried.includes(key);
      if (dose >= detectAt && !noticed) {
        s.carried.push(key);
        emit(
          w,
          'smell-on',
          { actor: idOf(w, o), target: idOf(w, c), place: placeOf(w, o), value: idOf(w, e) },
          exposureCauses(w, o, c),
          {
            dose: round3(dose),
            threshold: round3(detectAt),
          },
        );
      } else if (noticed && dose < detectAt * p.rearm) s.carried.splice(s.carried.indexOf(key), 1);
    }
  }
}
