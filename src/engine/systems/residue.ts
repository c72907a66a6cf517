/**
 * Residue: contact leaves each one's signature on the other's skin and clothes. It decays with a
 * half-life, and a shower removes only a share of it; it sits inside any seal, so a helmet's wearer
 * keeps smelling it (`dose.ts`).
 */
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import type { Engine } from '../state/context.js';
import { findPair, pairOf } from '../state/pairs.js';

/** A touch between `a` and `b`: each carries a share of the other's emission from now on. */
export function exchangeResidue(w: Engine, a: number, b: number): void {
  const share = w.canon.residue.transfer;
  const residue = w.s.pairs.residue;
  w.watched[a]!.add(b);
  w.watched[b]!.add(a);
  const onA = pairOf(w, a, b) * NOTE_COUNT;
  const onB = pairOf(w, b, a) * NOTE_COUNT;
  for (let k = 0; k < NOTE_COUNT; k++) {
    residue[onA + k]! += share * w.bodyEmission[b * NOTE_COUNT + k]!;
    residue[onB + k]! += share * w.bodyEmission[a * NOTE_COUNT + k]!;
  }
}

/** Residue fades over `seconds`: only on those a nose is watching, where there is any. */
export function elapseResidue(w: Engine, seconds: number): void {
  const keep = 0.5 ** (seconds / w.canon.residue.halfLife);
  const residue = w.s.pairs.residue;
  for (let o = 0; o < w.n; o++) {
    for (const e of w.watched[o]!) {
      const slot = findPair(w, o, e);
      if (slot < 0) continue;
      const at = slot * NOTE_COUNT;
      for (let i = at; i < at + NOTE_COUNT; i++) if (residue[i]) residue[i]! *= keep;
    }
  }
}

/** A shower washes off `residue.showerRemoval` of everything on `a`. */
export function wash(w: Engine, a: number): void {
  const keep = 1 - w.canon.residue.showerRemoval;
  const residue = w.s.pairs.residue;
  for (const slot of w.slotsOf[a]!) {
    for (let i = slot * NOTE_COUNT; i < (slot + 1) * NOTE_COUNT; i++) residue[i]! *= keep;
  }
}
