/** Movement: going from place to place through an open door, and opening and closing doors. */
import { charsIn, type Engine } from '../state/context.js';
import { emit, lastEventIds, noteExposure } from '../state/log.js';
import { clearCloseness } from '../systems/near-field.js';
import { airNow } from '../systems/scent.js';
import type { Handlers } from './handler.js';

export const MOVEMENT: Handlers<'move' | 'open' | 'close'> = {
  move: (w, { a, actor, who, causes }, action) => {
    const s = w.s;
    const from = s.place[a]!;
    const to = w.placeIndex.get(action.to)!;
    const restrainer = s.restrainedBy[a]!;
    if (restrainer >= 0) {
      emit(
        w,
        'move',
        { ...who, value: 'restrained' },
        [...causes, ...lastEventIds(w, 'restrain', restrainer, a)],
        {
          to: action.to,
          by: w.definition.characters[restrainer]!.id,
        },
      );
      return false;
    }
    const door = w.definition.doors.findIndex(
      (d, i) =>
        s.doors[i] === 'open' &&
        d.between.includes(w.definition.places[from]!.id) &&
        d.between.includes(action.to),
    );
    if (door < 0) {
      emit(w, 'move', { ...who, value: 'blocked' }, causes, { to: action.to });
      return false;
    }
    s.place[a] = to;
    clearCloseness(w, a);
    const id = emit(w, 'move', { actor, place: action.to }, causes, {
      from: w.definition.places[from]!.id,
      to: action.to,
      door: w.definition.doors[door]!.id,
    });
    noteExposure(w, [a], id);
    return true;
  },
  open: (w, doing, action) => setDoor(w, doing, action.door, 'open'),
  close: (w, doing, action) => setDoor(w, doing, action.door, 'closed'),
};

function setDoor(
  w: Engine,
  { who, causes }: { who: Parameters<typeof emit>[2]; causes: number[] },
  id: string,
  state: 'open' | 'closed',
): boolean {
  const d = w.doorIndex.get(id)!;
  if (w.s.doors[d] === state) return true;
  w.s.doors[d] = state;
  airNow(w);
  const door = w.definition.doors[d]!;
  const event = emit(w, 'door', { ...who, value: state }, causes, {
    door: door.id,
    between: [...door.between],
  });
  const around = door.between.flatMap((p) => charsIn(w, w.placeIndex.get(p)!));
  noteExposure(w, around, event);
  return true;
}
