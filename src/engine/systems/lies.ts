/**
 * Lies: lying raises agitation (which fades with its half-life), which adds a sour note to the liar's scent (`emission.ts`). A listener's
 * nose judges a statement `lies.sniffDelay` after it is spoken: a sour note past the threshold gives
 * the lie away (`lie-detected`); close enough that a lie would have shown, its absence is noticed
 * (`truth-sensed`). A `tell` the listener does not see through is believed.
 */
import { round3 } from '../../units/numbers.js';
import { NOTE } from '../../vocabulary/notes.js';
import { type Engine, idOf, placeOf, representationOf } from '../state/context.js';
import { emit } from '../state/log.js';
import { pairOf, pairValue } from '../state/pairs.js';
import { adopt } from './beliefs.js';
import { computeDose } from './dose.js';
import { computeEmissions } from './emission.js';
import { gearProduct } from './gear.js';
import { threshold } from './thresholds.js';

/** Agitation fades over `seconds` with its half-life. */
export function elapseAgitation(w: Engine, seconds: number): void {
  const calm = 0.5 ** (seconds / w.canon.agitation.halfLife);
  for (let c = 0; c < w.n; c++) if (w.s.agitation[c]) w.s.agitation[c]! *= calm;
}

/** A lie agitates the liar: more of the sour note, at once. */
export function agitate(w: Engine, c: number): void {
  w.s.agitation[c] = Math.min(1, w.s.agitation[c]! + w.canon.agitation.lie);
  computeEmissions(w);
}

/**
 * The sour-note dose `listener` would take in had `speaker` just lied: only a near field carries a
 * fresh sour note in the seconds before a listener judges; the room has not filled yet.
 */
function hypotheticalLieDose(w: Engine, listener: number, speaker: number): number {
  if (!pairValue(w, 'close', listener, speaker)) return 0;
  const canon = w.canon;
  const sensitivity = canon.representations[representationOf(w, listener)].sensitivity;
  const base = canon.representations[representationOf(w, speaker)].emission;
  const sour =
    base * canon.agitation.lie * canon.agitation.sourShare * gearProduct(w, speaker, 'emissionPass');
  return (sensitivity * gearProduct(w, listener, 'intakePass') * sour) / canon.air.nearFieldFlow;
}

/** Listeners' noses judge statements made `lies.sniffDelay` ago. */
export function judgeStatements(w: Engine): void {
  const s = w.s;
  const due = s.sniffs.filter((sniff) => sniff.t <= s.t);
  if (!due.length) return;
  s.sniffs = s.sniffs.filter((sniff) => sniff.t > s.t);
  for (const sniff of due) {
    const { speaker, listener } = sniff;
    const via = computeDose(w, listener, speaker);
    const sour = w.scratch.dose[NOTE.sour]!;
    const sourAt = w.canon.lies.sourThreshold * threshold(w, pairOf(w, listener, speaker), 'sour');
    const who = { actor: idOf(w, listener), target: idOf(w, speaker), place: placeOf(w, listener) };
    let believed = true;
    if (sour >= sourAt) {
      emit(w, 'lie-detected', who, [sniff.cause], { via, dose: round3(sour), threshold: round3(sourAt) });
      believed = false;
    } else if (!sniff.lie && hypotheticalLieDose(w, listener, speaker) >= sourAt) {
      // Close enough that a lie would have shown: its absence is noticed.
      emit(w, 'truth-sensed', who, [sniff.cause], { via, dose: round3(sour), threshold: round3(sourAt) });
    }
    if (believed && sniff.claim)
      adopt(w, listener, sniff.claim.about, sniff.claim.value, 'told', w.canon.beliefs.told, [sniff.cause]);
  }
}
