/**
 * Gear: putting on and taking off what one carries (taking off a seal releases the scent it held), and
 * aiming and lowering a weapon (an aimed weapon coerces the one it is aimed at, `orders.ts`).
 */
import { round3 } from '../../units/numbers.js';
import { emit, noteExposure } from '../state/log.js';
import { trapTime, weaponOf } from '../systems/gear.js';
import { releaseTrapped } from '../systems/sealed-gear.js';
import type { Handler, Handlers } from './handler.js';

const wearOrRemove: Handler<'wear' | 'remove'> = (w, { a, who, causes }, action) => {
  const wearing = action.do === 'wear';
  if (wearing) moveItem(w.s.carries[a]!, w.s.wears[a]!, action.item);
  else moveItem(w.s.wears[a]!, w.s.carries[a]!, action.item);
  const released = !wearing && trapTime(w, a) === 0 ? releaseTrapped(w, a) : 0;
  const id = emit(w, 'gear', { ...who, value: action.do }, causes, {
    item: action.item,
    ...(!wearing && { released: round3(released) }),
  });
  noteExposure(w, [a], id);
  // Something worn or taken off changes what one smells on oneself.
  w.s.resniffs.push({ character: a, cause: id });
  return true;
};

export const GEAR: Handlers<'wear' | 'remove' | 'aim' | 'lower'> = {
  wear: wearOrRemove,
  remove: wearOrRemove,
  aim: (w, { a, target, who, causes }, action) => {
    w.s.aiming[a] = target;
    emit(w, 'aim', who, causes, { item: action.item ?? weaponOf(w, a) });
    return true;
  },
  lower: (w, { a, who, causes }, action) => {
    w.s.aiming[a] = -1;
    emit(w, 'lower', who, causes, { item: action.item ?? weaponOf(w, a) });
    return true;
  },
};

function moveItem(from: string[], to: string[], item: string): void {
  const i = from.indexOf(item);
  if (i >= 0) from.splice(i, 1);
  if (!to.includes(item)) to.push(item);
}
