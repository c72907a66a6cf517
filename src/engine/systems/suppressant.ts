/**
 * Suppressants: an omega on a medication the canon says masks smells beta-like — her omega and heat
 * notes cut to a trace, a beta-like note laid over them — and her cycle stretches to the regimen's
 * (canon `suppressant`; `model/cycle.ts` reads the period and duration, the calendar the regimen).
 */
import { masks } from '../../canon/index.js';
import type { Canon } from '../../canon/types.js';
import { NOTE } from '../../vocabulary/notes.js';
import type { Engine } from '../state/context.js';

/** Whether `c` takes a suppressant now. */
export function masked(w: Engine, c: number): boolean {
  return w.s.medication[c]!.some((m) => masks(w.canon, m));
}

/** The masker over an omega's emission written at `offset` (u/h per note): a trace left, a beta note added. */
export function mask(canon: Canon, out: Float64Array, offset: number): void {
  const masker = canon.suppressant;
  const share = canon.signature.personalShare;
  out[offset + NOTE.omega]! *= masker.omegaNoteTrace;
  out[offset + NOTE.heat]! *= masker.heatNoteTrace;
  out[offset + NOTE.beta]! += canon.representations.beta.emission * (1 - share) * masker.betaNote;
}
