/**
 * Consent is absolute and revocable: after a refusal, no approach, touch or mark from the refused gets
 * through, whatever their drives, until a new consent; and the refusal ends at once any hold,
 * closeness or touch of theirs. It is not a rule of the canon and no override can change
 * it; no order or weapon can make anyone give it (`UNORDERABLE`).
 */
import type { Engine } from '../state/context.js';
import { idOf } from '../state/context.js';
import { emitAbout, lastEventIds, noteExposure } from '../state/log.js';
import { pairOf, pairValue } from '../state/pairs.js';
import { setClose } from './near-field.js';

/** `giver` consents to `receiver` (or, `refusing`, refuses them), until the next word either way. */
export function setConsent(w: Engine, giver: number, receiver: number, refusing: boolean): void {
  const pair = pairOf(w, giver, receiver);
  w.s.pairs.refusals[pair] = refusing ? 1 : 0;
  w.s.pairs.consents[pair] = refusing ? 0 : 1;
}

/**
 * A refusal ends at once whatever the refused party was doing to the refuser: a hold is released,
 * and closeness (and touch) ends, each logged as caused by the refusal.
 */
export function endByRefusal(w: Engine, refuser: number, refused: number, refusal: number): void {
  const s = w.s;
  if (s.restrainedBy[refuser] === refused) {
    s.restrainedBy[refuser] = -1;
    // What is left of the impulse is not a new one to hold back, nor to act on against the refusal.
    s.pairs.resisted[pairOf(w, refused, refuser)] = 1;
    emitAbout(w, 'release', { actor: refused, target: refuser }, [refusal], { reason: 'refused' });
  }
  if (pairValue(w, 'close', refused, refuser)) {
    const touching = pairValue(w, 'touching', refused, refuser) === 1;
    setClose(w, refused, refuser, false);
    const id = emitAbout(w, 'withdraw', { actor: refused, target: refuser }, [refusal], {
      reason: 'refused',
      ...(touching && { endedTouch: [idOf(w, refuser)] }),
    });
    noteExposure(w, [refused, refuser], id);
  }
}

/** Whether `refuser` has refused `refused` (and not consented since). */
export const refused = (w: Engine, refuser: number, refused: number): boolean =>
  pairValue(w, 'refusals', refuser, refused) === 1;

/** Whether `giver` has consented to `receiver` (and not refused since). */
export const consented = (w: Engine, giver: number, receiver: number): boolean =>
  pairValue(w, 'consents', giver, receiver) === 1;

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
