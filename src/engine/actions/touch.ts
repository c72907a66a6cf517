/**
 * Touch and consent: coming close (a shared near field) and touching (residue both ways), withdrawing,
 * consenting and refusing (absolute and revocable, `systems/consent.ts`), marking (a bond, with the
 * other's consent, `systems/bonds.ts`).
 */
import { idOf } from '../state/context.js';
import { emit, noteExposure } from '../state/log.js';
import { pairValue } from '../state/pairs.js';
import { mark } from '../systems/bonds.js';
import { blockedByRefusal, endByRefusal, setConsent } from '../systems/consent.js';
import { closeTo, setClose, setTouching } from '../systems/near-field.js';
import { exchangeResidue } from '../systems/residue.js';
import type { Handler, Handlers } from './handler.js';

const comeClose: Handler<'approach' | 'touch'> = (w, { a, target, who, causes }, action) => {
  if (blockedByRefusal(w, a, target, action.do, causes)) return false;
  setClose(w, a, target, true);
  if (action.do === 'touch') {
    exchangeResidue(w, a, target);
    setTouching(w, a, target);
  }
  const id = emit(w, action.do, who, causes);
  noteExposure(w, [a, target], id);
  return true;
};

const consentOrRefuse: Handler<'consent' | 'refuse'> = (w, { a, target, who, causes }, action) => {
  const refusing = action.do === 'refuse';
  setConsent(w, a, target, refusing);
  const id = emit(
    w,
    action.do,
    who,
    causes,
    refusing && action.text !== undefined ? { text: action.text } : {},
  );
  if (refusing) endByRefusal(w, a, target, id);
  return true;
};

export const TOUCH: Handlers<'approach' | 'touch' | 'withdraw' | 'consent' | 'refuse' | 'mark'> = {
  approach: comeClose,
  touch: comeClose,
  withdraw: (w, { a, target, who, causes }) => {
    const from = target >= 0 ? [target] : closeTo(w, a);
    const endedTouch = from.filter((b) => pairValue(w, 'touching', a, b));
    for (const other of from) setClose(w, a, other, false);
    const ids = (list: number[]) => list.map((b) => idOf(w, b));
    const id = emit(w, 'withdraw', who, causes, {
      // Untargeted, the event still says whom the actor stepped back from, as `endedTouch` does.
      ...(target < 0 && from.length > 0 && { from: ids(from) }),
      ...(endedTouch.length > 0 && { endedTouch: ids(endedTouch) }),
    });
    noteExposure(w, [a, ...from], id);
    return true;
  },
  consent: consentOrRefuse,
  refuse: consentOrRefuse,
  mark: (w, { a, target, who, causes }) => {
    if (blockedByRefusal(w, a, target, 'mark', causes)) return false;
    return mark(w, a, target, who, causes);
  },
};
