/**
 * Residue: contact leaves each one's signature on the other's skin and clothes. It decays with a
 * half-life, and a shower removes only a share of it; it sits inside any seal, so a helmet's wearer
 * keeps smelling it (`dose.ts`).
 */
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import type { Engine } from '../state/context.js';

/** A touch between `a` and `b`: each carries a share of the other's emission from now on. */
export function exchangeResidue(w: Engine, a: number, b: number): void {
  const share = w.canon.residue.transfer;
  w.watched[a]!.add(b);
  w.watched[b]!.add(a);
  for (let k = 0; k < NOTE_COUNT; k++) {
    w.s.residue[(a * w.n + b) * NOTE_COUNT + k]! += share * w.bodyEmission[b * NOTE_COUNT + k]!;
    w.s.residue[(b * w.n + a) * NOTE_COUNT + k]! += share * w.bodyEmission[a * NOTE_COUNT + k]!;
  }
}

/** Residue fades over `seconds`: only on those a nose is watching, where there is any. */
export function elapseResidue(w: Engine, seconds: number): void {
  const keep = 0.5 ** (seconds / w.canon.residue.halfLife);
  for (let o = 0; o < w.n; o++) {
    for (const e of w.watched[o]!) {
      const at = (o * w.n + e) * NOTE_COUNT;
      for (let i = at; i < at + NOTE_COUNT; i++) if (w.s.residue[i]) w.s.residue[i]! *= keep;
    }
  }
}

/** A shower washes off `residue.showerRemoval` of everything on `a`. */
export function wash(w: Engine, a: number): void {
  const keep = 1 - w.canon.residue.showerRemoval;
  const row = a * w.n * NOTE_COUNT;
  for (let i = row; i < row + w.n * NOTE_COUNT; i++) w.s.residue[i]! *= keep;
}
