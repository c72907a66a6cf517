/**
 * Presenting: an unpresented character becomes what they are — an alpha, a beta or an omega — and
 * from then on their body smells of it (`emission.ts` reads the representation now), others may read
 * it by scent, and they live the cycle of their kind if they have one (`cycle.ts`). Only an
 * unpresented character presents, once (a requirement of `present`). The age rule still holds: a
 * youth who presents has no heat, rut, bond or mark before 18.
 */
import type { Representation } from '../../vocabulary/representations.js';
import type { Engine } from '../state/context.js';
import { emit, noteExposure, type Who } from '../state/log.js';
import { startCycleOnPresenting } from './cycle.js';

/** `a` presents as `as`. */
export function present(w: Engine, a: number, as: Representation, who: Who, causes: number[]): void {
  w.s.representation[a] = as;
  const id = emit(w, 'present', { ...who, value: as }, causes);
  noteExposure(w, [a], id);
  startCycleOnPresenting(w, a, id);
}
