/**
 * Residue: contact leaves each one's signature on the other's skin and clothes. It decays with a
 * half-life, and a shower removes only a share of it; it sits inside any seal, so a helmet's wearer
 * keeps smelling it (`dose.ts`).
 */
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import type { Engine } from '../state/context.js';
import type { PairState } from '../state/pair-table.js';
import { pairOf } from '../state/pairs.js';

/** Whether the pair at `slot` holds any residue. */
export function holdsResidue(residue: readonly number[], slot: number): boolean {
  for (let i = slot * NOTE_COUNT; i < (slot + 1) * NOTE_COUNT; i++) if (residue[i]) return true;
  return false;
}

/** The slots of the pairs that hold any residue, read from a state (see `Engine.residueSlots`). */
export function residueSlotsOf(pairs: PairState): Set<number> {
  const slots = new Set<number>();
  for (let slot = 0; slot < pairs.holder.length; slot++)
    if (holdsResidue(pairs.residue, slot)) slots.add(slot);
  return slots;
}

/** A touch between `a` and `b`: each carries a share of the other's emission from now on. */
export function exchangeResidue(w: Engine, a: number, b: number): void {
  const share = w.canon.residue.transfer;
  const residue = w.s.pairs.residue;
  w.watched[a]!.add(b);
  w.watched[b]!.add(a);
  const onA = pairOf(w, a, b);
  const onB = pairOf(w, b, a);
  for (let k = 0; k < NOTE_COUNT; k++) {
    residue[onA * NOTE_COUNT + k]! += share * w.bodyEmission[b * NOTE_COUNT + k]!;
    residue[onB * NOTE_COUNT + k]! += share * w.bodyEmission[a * NOTE_COUNT + k]!;
  }
  for (const slot of [onA, onB]) if (holdsResidue(residue, slot)) w.residueSlots.add(slot);
}

/**
 * Residue fades over `seconds`, wherever there is any — whether or not its holder can smell it (a nose
 * of no sensitivity still carries scent for others to smell, and it fades on them as on anyone).
 */
export function elapseResidue(w: Engine, seconds: number): void {
  const keep = 0.5 ** (seconds / w.canon.residue.halfLife);
  const residue = w.s.pairs.residue;
  for (const slot of w.residueSlots) {
    const at = slot * NOTE_COUNT;
    for (let i = at; i < at + NOTE_COUNT; i++) if (residue[i]) residue[i]! *= keep;
    if (!holdsResidue(residue, slot)) w.residueSlots.delete(slot);
  }
}

/** A shower washes off `residue.showerRemoval` of everything on `a`. */
export function wash(w: Engine, a: number): void {
  const keep = 1 - w.canon.residue.showerRemoval;
  const residue = w.s.pairs.residue;
  for (const slot of w.slotsOf[a]!) {
    for (let i = slot * NOTE_COUNT; i < (slot + 1) * NOTE_COUNT; i++) residue[i]! *= keep;
    if (!holdsResidue(residue, slot)) w.residueSlots.delete(slot);
  }
}
