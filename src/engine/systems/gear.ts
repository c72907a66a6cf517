/**
 * Worn and carried gear as the canon describes it: what share of the wearer's emission reaches the air
 * and of the room's scent reaches the wearer's nose, how long a sealing item holds scent in, and which
 * item is a weapon.
 */
import type { Engine } from '../state/context.js';

/** The product of every worn item's pass for `field`: 1 when nothing worn blocks anything. */
export function gearProduct(w: Engine, c: number, field: 'emissionPass' | 'intakePass'): number {
  let product = 1;
  for (const item of w.s.wears[c]!) product *= w.canon.gear[item]?.[field] ?? 1;
  return product;
}

/** The longest trap time of what `c` wears, seconds: 0 when nothing worn seals. */
export function trapTime(w: Engine, c: number): number {
  let longest = 0;
  for (const item of w.s.wears[c]!) longest = Math.max(longest, w.canon.gear[item]?.trapTime ?? 0);
  return longest;
}

/** The weapon `c` carries (the first), or the word "weapon" when none is named. */
export function weaponOf(w: Engine, c: number): string {
  return w.s.carries[c]!.find((i) => w.canon.gear[i]?.weapon) ?? 'weapon';
}
