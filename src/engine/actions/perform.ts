/**
 * Carrying out an action, scripted or decided by the engine (then `causes` says why): the handler
 * table, one entry per kind of action, each in the module of its family. Adding an action kind is one
 * entry here, in its family's module; the compiler names every other place it must be known.
 */
import type { Action } from '../../model/definition.js';
import type { ActionKind } from '../../vocabulary/actions.js';
import { type Engine, idOf, idx, placeOf } from '../state/context.js';
import type { Who } from '../state/log.js';
import { BODY } from './body.js';
import { GEAR } from './gear.js';
import type { Handler, Handlers } from './handler.js';
import { MOVEMENT } from './movement.js';
import { SPEECH } from './speech.js';
import { TOUCH } from './touch.js';

const HANDLERS: Handlers<ActionKind> = { ...MOVEMENT, ...GEAR, ...SPEECH, ...TOUCH, ...BODY };

/** Carries out `action`; false when it could not happen. */
export function perform(w: Engine, action: Action, causes: number[]): boolean {
  const a = idx(w, action.actor);
  const place = placeOf(w, a);
  const target = 'target' in action && action.target !== undefined ? idx(w, action.target) : -1;
  const targetId = target >= 0 ? idOf(w, target) : undefined;
  const who: Who = { actor: action.actor, place, ...(targetId !== undefined && { target: targetId }) };
  const handler = HANDLERS[action.do] as Handler<ActionKind>;
  return handler(w, { a, actor: action.actor, place, target, who, causes }, action as never);
}
