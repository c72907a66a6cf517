/** What an action requires of the world before anyone can do it. */
import type { ActionBody } from '../../model/definition.js';
import { type Engine, idx, placeOf } from '../state/context.js';

/** Whether `actor` could do `body` now: an order to remove what is not worn is moot. */
export function possible(w: Engine, actor: number, body: ActionBody): boolean {
  switch (body.do) {
    case 'remove':
      return w.s.wears[actor]!.includes(body.item);
    case 'wear':
      return w.s.carries[actor]!.includes(body.item);
    case 'move':
      return placeOf(w, actor) !== body.to;
    case 'approach':
    case 'touch':
    case 'mark':
      return w.s.place[actor] === w.s.place[idx(w, body.target)];
    default:
      return true;
  }
}
