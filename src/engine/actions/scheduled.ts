/**
 * The actions an instant is given to do: first those taken at run time for it (`World.act`, in the order
 * taken), then the timeline's (in file order). Each is asked the requirements again as it happens,
 * since the world may have moved on since it was written or taken: one it has made moot (an approach
 * to someone who has left, something taken off twice) does not happen; an attempt that fails where
 * everyone can see (a move through a door closed since) is still made, and logged as failing.
 */
import type { Action } from '../../model/definition.js';
import { type Engine, idx } from '../state/context.js';
import { perform } from './perform.js';
import { possible } from './requirements.js';

/** Carries out the actions due at this instant. */
export function performDue(w: Engine): void {
  const s = w.s;
  const played = s.played;
  while (played && played.next < played.actions.length && played.actions[played.next]!.at <= s.t) {
    doIfPossible(w, played.actions[played.next++]!);
  }
  const timeline = w.definition.timeline;
  while (s.nextAction < timeline.length && timeline[s.nextAction]!.at <= s.t) {
    doIfPossible(w, timeline[s.nextAction++]!);
  }
}

function doIfPossible(w: Engine, action: Action): void {
  if (possible(w, idx(w, action.actor), action)) perform(w, action, []);
}

/** When the next action is due, after now (infinity: none). */
export function nextAction(w: Engine): number {
  const s = w.s;
  let next = Number.POSITIVE_INFINITY;
  const scripted = w.definition.timeline[s.nextAction];
  if (scripted && scripted.at > s.t) next = scripted.at;
  const played = s.played?.actions[s.played.next];
  if (played && played.at > s.t) next = Math.min(next, played.at);
  return next;
}
