/**
 * Rut: an alpha in rut (where the canon enables it, `rut.enabled`) smells stronger, with a rut note
 * (`emission.ts`), guards harder (the `in-rut` factor of the guard rules: × `rut.aggression`) and holds
 * back less: the self-control line a drive must beat is lowered by `rut.selfControlDrop`. An omega's
 * heat nearby brings a building rut on early (`onset-advance.ts`); it is forecast and rostered like a
 * heat (`src/calendar`), behind the same redaction.
 */
import type { Engine } from '../state/context.js';
import { cycleNow } from './cycle.js';

/** Whether `c` is in rut now. */
export function inRut(w: Engine, c: number): boolean {
  const now = cycleNow(w, c);
  return now?.schedule.kind === 'rut' && now.state.phase === 'on';
}

/** The line a drive of `c`'s must beat to become an action: their self-control, lowered in rut. */
export function selfControlLine(w: Engine, c: number): number {
  return w.s.selfControl[c]! - (inRut(w, c) ? w.canon.rut.selfControlDrop : 0);
}
