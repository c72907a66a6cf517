/**
 * Consent is absolute: after a refusal, no approach, touch or mark from the refused gets through,
 * whatever their drives, until a new consent. It is not a rule of the canon and no override can change
 * it; no order or weapon can make anyone give it (`UNORDERABLE`).
 */
import type { Engine } from '../state/context.js';
import { emitAbout, lastEventIds } from '../state/log.js';

/** `giver` consents to `receiver` (or, `refusing`, refuses them), until the next word either way. */
export function setConsent(w: Engine, giver: number, receiver: number, refusing: boolean): void {
  w.s.refusals[giver * w.n + receiver] = refusing ? 1 : 0;
  w.s.consents[giver * w.n + receiver] = refusing ? 0 : 1;
}

/** Whether `refuser` has refused `refused` (and not consented since). */
export const refused = (w: Engine, refuser: number, refused: number): boolean =>
  w.s.refusals[refuser * w.n + refused] === 1;

/** Whether `giver` has consented to `receiver` (and not refused since). */
export const consented = (w: Engine, giver: number, receiver: number): boolean =>
  w.s.consents[giver * w.n + receiver] === 1;

/**
 * Whether `target`'s refusal blocks `a` from `attempted` (an approach, touch or mark); a blocked
 * attempt is logged as a `consent-block`.
 */
export function blockedByRefusal(
  w: Engine,
  a: number,
  target: number,
  attempted: string,
  causes: number[],
): boolean {
  if (!refused(w, target, a)) return false;
  emitAbout(w, 'consent-block', { actor: a, target, value: attempted }, [
    ...causes,
    ...lastEventIds(w, 'refuse', target, a),
  ]);
  return true;
}
