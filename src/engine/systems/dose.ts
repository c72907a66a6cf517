/**
 * Doses: what a nose takes in of someone's signature, per note, by three routes — the room's air (the
 * emitter's plume where the observer is), the near field of a close emitter, and residue on the
 * observer's own skin — scaled by the nose's sensitivity and, for air and near field, by worn gear.
 */
import type { Note } from '../../vocabulary/notes.js';
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import type { Route } from '../../vocabulary/routes.js';
import { plumeAt } from '../air/plume.js';
import type { Engine } from '../state/context.js';
import { representationOf } from '../state/context.js';
import { findPair } from '../state/pairs.js';
import { gearProduct } from './gear.js';

export interface Dose {
  /** per note, in perceptual units */
  notes: Record<Note, number>;
  total: number;
  /** the total by route */
  byRoute: Record<Route, number>;
  /** the largest contributor */
  via: Route;
}

/**
 * Fills `w.scratch.dose` (and `w.scratch.routes`) with what `o` takes in of `e`'s notes now; returns
 * the largest route.
 */
export function computeDose(w: Engine, o: number, e: number): Route {
  const canon = w.canon;
  const sensitivity = canon.representations[representationOf(w, o)].sensitivity;
  const intake = gearProduct(w, o, 'intakePass');
  const pair = findPair(w, o, e);
  const pairs = w.s.pairs;
  const near = pair >= 0 && pairs.close[pair] ? 1 / canon.air.nearFieldFlow : 0;
  const residueAt = pair * NOTE_COUNT;
  const plume = w.s.plumes[e]!;
  const at = plumeAt(plume, w.s.place[o]!);
  const dose = w.scratch.dose;
  let air = 0;
  let nearField = 0;
  let residue = 0;
  for (let k = 0; k < NOTE_COUNT; k++) {
    const fromAir = at < 0 ? 0 : sensitivity * intake * plume.conc[at + k]!;
    const fromNear = sensitivity * intake * near * w.airEmission[e * NOTE_COUNT + k]!;
    // Residue sits on the observer's own skin, inside any seal.
    const fromResidue =
      pair < 0 ? 0 : (sensitivity * pairs.residue[residueAt + k]!) / canon.air.nearFieldFlow;
    dose[k] = fromAir + fromNear + fromResidue;
    air += fromAir;
    nearField += fromNear;
    residue += fromResidue;
  }
  w.scratch.routes.air = air;
  w.scratch.routes['near-field'] = nearField;
  w.scratch.routes.residue = residue;
  return residue > air && residue > nearField ? 'residue' : nearField > air ? 'near-field' : 'air';
}
