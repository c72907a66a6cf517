/**
 * Speech and posture: orders (weighed by the receiver, `instinct/orders.ts`), things said and facts
 * told (judged by the listeners' noses, `systems/lies.ts`), a submissive posture, a reassurance, and a
 * request for leave (checked against the roster, `systems/calendar-hooks.ts`).
 */
import type { WorldEvent } from '../../model/events.js';
import type { ActionBody } from '../../vocabulary/actions.js';
import { charsIn, idx, representationOf } from '../state/context.js';
import { emit } from '../state/log.js';
import { beliefOf } from '../systems/beliefs.js';
import { requestLeave } from '../systems/calendar-hooks.js';
import { agitate } from '../systems/lies.js';
import type { Handler, Handlers } from './handler.js';

/** The demand's fields, for an event's data: `{ item: 'sealed-helmet' }`. */
export function demandData(demand: ActionBody): WorldEvent['data'] {
  const data: WorldEvent['data'] = {};
  for (const [key, value] of Object.entries(demand)) {
    if (
      key !== 'do' &&
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    )
      data[key] = value;
  }
  return data;
}

const posture: Handler<'submit' | 'reassure'> = (w, { who, causes }, action) => {
  emit(w, action.do, who, causes);
  return true;
};

export const SPEECH: Handlers<'order' | 'say' | 'tell' | 'submit' | 'reassure' | 'request-leave'> = {
  order: (w, { a, target, who, causes }, action) => {
    const id = emit(w, 'order', { ...who, value: action.demand.do }, causes, {
      ...demandData(action.demand),
      ...(action.voice && { voice: true }),
      // `words`, not `text`: a demand to say something brings its own `text`.
      ...(action.text !== undefined && { words: action.text }),
    });
    // Whether it is obeyed is the receiver's to decide (instinct weighs it this instant).
    w.s.orders.push({
      event: id,
      giver: a,
      receiver: target,
      demand: action.demand,
      t: w.s.t,
      noise: w.canon.orders.noise * w.rng.normal(),
      voice: action.voice,
      defied: false,
    });
    return true;
  },
  say: (w, { a, target, who, causes }, action) => {
    if (!action.truthful) agitate(w, a);
    const id = emit(w, 'say', who, causes, { text: action.text, truthful: action.truthful });
    // Said to someone, they judge it; said to the room, everyone there does.
    const listeners = target >= 0 ? [target] : charsIn(w, w.s.place[a]!).filter((c) => c !== a);
    for (const l of listeners) {
      w.s.sniffs.push({
        t: w.s.t + w.canon.lies.sniffDelay,
        speaker: a,
        listener: l,
        lie: !action.truthful,
        cause: id,
      });
    }
    return true;
  },
  tell: (w, { a, target, who, causes }, action) => {
    const about = idx(w, action.about);
    // A lie is saying what one does not believe: an honest mistake does not sour anyone's scent.
    const believed = about === a ? representationOf(w, a) : (beliefOf(w, a, about)?.value ?? action.value);
    const truthful = believed === action.value;
    if (!truthful) agitate(w, a);
    const id = emit(w, 'tell', { ...who, value: action.value }, causes, { about: action.about, truthful });
    w.s.sniffs.push({
      t: w.s.t + w.canon.lies.sniffDelay,
      speaker: a,
      listener: target,
      lie: !truthful,
      cause: id,
      claim: { about, value: action.value },
    });
    return true;
  },
  submit: posture,
  reassure: posture,
  'request-leave': (w, { a, target, who, causes }, action) => {
    const request = emit(w, 'request-leave', who, causes, action.event ? { event: action.event } : {});
    requestLeave(w, a, target, action.event, request);
    return true;
  },
};
