/**
 * The near field: characters who are close (after `approach` or `touch`, until `withdraw` or a move)
 * share one, and a close emitter's dose is many times the room's well-mixed level (`dose.ts`). A touch
 * is closeness with contact, which ends with the closeness.
 */
import type { Engine } from '../state/context.js';

/** Those `a` is close to now, ascending. */
export function closeTo(w: Engine, a: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < w.n; b++) if (w.s.close[a * w.n + b]) out.push(b);
  return out;
}

/** Ends every closeness of `a`'s (a move takes them out of everyone's near field). */
export function clearCloseness(w: Engine, a: number): void {
  for (const b of closeTo(w, a)) setClose(w, a, b, false);
}

/** Brings `a` and `b` close, or apart (which ends a touch too). */
export function setClose(w: Engine, a: number, b: number, close: boolean): void {
  const n = w.n;
  w.s.close[a * n + b] = close ? 1 : 0;
  w.s.close[b * n + a] = close ? 1 : 0;
  if (!close) {
    w.s.touching[a * n + b] = 0;
    w.s.touching[b * n + a] = 0;
  }
}

/** Marks `a` and `b` as in contact (they are close). */
export function setTouching(w: Engine, a: number, b: number): void {
  w.s.touching[a * w.n + b] = 1;
  w.s.touching[b * w.n + a] = 1;
}
