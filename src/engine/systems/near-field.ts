/**
 * The near field: characters who are close (after `approach` or `touch`, until `withdraw` or a move)
 * share one, and a close emitter's dose is many times the room's well-mixed level (`dose.ts`). A touch
 * is closeness with contact, which ends with the closeness.
 */
import type { Engine } from '../state/context.js';
import { pairOf } from '../state/pairs.js';

/** Those `a` is close to now, ascending. */
export function closeTo(w: Engine, a: number): number[] {
  const out: number[] = [];
  const { close, other } = w.s.pairs;
  for (const slot of w.slotsOf[a]!) if (close[slot]) out.push(other[slot]!);
  return out.sort((x, y) => x - y);
}

/** Ends every closeness of `a`'s (a move takes them out of everyone's near field). */
export function clearCloseness(w: Engine, a: number): void {
  for (const b of closeTo(w, a)) setClose(w, a, b, false);
}

/** Brings `a` and `b` close, or apart (which ends a touch too). */
export function setClose(w: Engine, a: number, b: number, close: boolean): void {
  const pairs = w.s.pairs;
  for (const slot of [pairOf(w, a, b), pairOf(w, b, a)]) {
    pairs.close[slot] = close ? 1 : 0;
    if (!close) pairs.touching[slot] = 0;
  }
}

/** Marks `a` and `b` as in contact (they are close). */
export function setTouching(w: Engine, a: number, b: number): void {
  w.s.pairs.touching[pairOf(w, a, b)] = 1;
  w.s.pairs.touching[pairOf(w, b, a)] = 1;
}
