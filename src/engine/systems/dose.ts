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
  const sensitivity = w.canon.representations[representationOf(w, o)].sensitivity;
  const taken = sensitivity * gearProduct(w, o, 'intakePass');
  const air = plumeAt(w.s.plumes[e]!, w.s.place[o]!);
  return doseOf(w, sensitivity, taken, e, findPair(w, o, e), air, w.scratch.dose, 0);
}

/**
 * `computeDose` for a nose whose `sensitivity` and `taken` (sensitivity × what its gear lets in) are
 * known, its `pair` with `e` (−1 if they have not met) and where `e`'s plume holds the nose's air
 * (`airAt`: an offset in the plume, or −1), into `out` from `offset`: perception's
 * loop over many subjects, which writes this instant's doses in place. A route that brings nothing is
 * skipped, which adds only zeros.
 */
export function doseOf(
  w: Engine,
  sensitivity: number,
  taken: number,
  e: number,
  pair: number,
  airAt: number,
  out: Float64Array,
  offset: number,
): Route {
  const pairs = w.s.pairs;
  const nearFieldFlow = w.canon.air.nearFieldFlow;
  const conc = w.s.plumes[e]!.conc;
  let air = 0;
  let nearField = 0;
  let residue = 0;
  for (let k = 0; k < NOTE_COUNT; k++) {
    const fromAir = airAt < 0 ? 0 : taken * conc[airAt + k]!;
    out[offset + k] = fromAir;
    air += fromAir;
  }
  if (pair >= 0 && pairs.close[pair]) {
    const near = taken * (1 / nearFieldFlow);
    const emission = w.airEmission;
    for (let k = 0; k < NOTE_COUNT; k++) {
      const fromNear = near * emission[e * NOTE_COUNT + k]!;
      out[offset + k]! += fromNear;
      nearField += fromNear;
    }
  }
  // Residue sits on the observer's own skin, inside any seal; mostly nobody carries any.
  if (pair >= 0 && w.residueSlots.size > 0) {
    const onSkin = pairs.residue;
    for (let k = 0; k < NOTE_COUNT; k++) {
      const held = onSkin[pair * NOTE_COUNT + k]!;
      if (!held) continue;
      const fromResidue = (sensitivity * held) / nearFieldFlow;
      out[offset + k]! += fromResidue;
      residue += fromResidue;
    }
  }
  const routes = w.scratch.routes;
  routes.air = air;
  routes['near-field'] = nearField;
  routes.residue = residue;
  return residue > air && residue > nearField ? 'residue' : nearField > air ? 'near-field' : 'air';
}
