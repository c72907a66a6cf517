/** The shape of an action's handler: what it is given, and what it answers. */
import type { ActionBody, ActionKind } from '../../vocabulary/actions.js';
import type { Engine } from '../state/context.js';
import type { Who } from '../state/log.js';

/** Who is doing what: the actor (index and id), where they are, the target (−1: none), and why. */
export interface Doing {
  a: number;
  actor: string;
  place: string;
  target: number;
  /** actor, place and target, as an event names them */
  who: Who;
  causes: number[];
}

/** Carries out one kind of action; false when it could not happen (blocked by consent, held, no way). */
export type Handler<K extends ActionKind> = (
  w: Engine,
  doing: Doing,
  action: Extract<ActionBody, { do: K }>,
) => boolean;

/** One handler per kind; a handler may serve several kinds (written out so that it is checked structurally). */
export type Handlers<K extends ActionKind> = {
  [P in K]: (w: Engine, doing: Doing, action: Extract<ActionBody, { do: P }>) => boolean;
};
