/**
 * Writing the event log: every event with its time, who and where, its data and `causes` (the events
 * that led to it), handed to subscribers as it is written; and the recent events that new ones cite.
 */
import type { Scalar } from '../../model/definition.js';
import { latestEventIds, type WorldEvent } from '../../model/events.js';
import type { EventType } from '../../vocabulary/events.js';
import { type Engine, idOf, placeOf } from './context.js';

/**
 * How many recent exposure events a character's causes remember: enough to explain a percept (a door,
 * a move, a helmet taken off), few enough that an explanation stays readable.
 */
const EXPOSURE_MEMORY = 3;

/** Who an event is about, by id. */
export interface Who {
  actor?: string;
  target?: string;
  place?: string;
  value?: Scalar;
}

/** Appends an event to the log and tells every subscriber; returns its id. */
export function emit(
  w: Engine,
  type: EventType,
  who: Who,
  causes: number[],
  data: WorldEvent['data'] = {},
): number {
  const s = w.s;
  const event: WorldEvent = {
    id: s.events.length + 1,
    t: s.t,
    type,
    ...(who.actor !== undefined && { actor: who.actor }),
    ...(who.target !== undefined && { target: who.target }),
    ...(who.place !== undefined && { place: who.place }),
    ...(who.value !== undefined && { value: who.value }),
    data,
    causes: [...new Set(causes)].sort((a, b) => a - b),
  };
  s.events.push(event);
  for (const listener of w.listeners) listener(event);
  return event.id;
}

/**
 * An event about characters by index: the actor (and the place they are in), the target if any (−1:
 * none), the value.
 */
export function emitAbout(
  w: Engine,
  type: EventType,
  who: { actor?: number; target?: number; value?: Scalar },
  causes: number[],
  data?: WorldEvent['data'],
): number {
  return emit(
    w,
    type,
    {
      ...(who.actor !== undefined && { actor: idOf(w, who.actor), place: placeOf(w, who.actor) }),
      ...(who.target !== undefined && who.target >= 0 && { target: idOf(w, who.target) }),
      ...(who.value !== undefined && { value: who.value }),
    },
    causes,
    data,
  );
}

/** Remembers that event `eventId` changed what these characters smell or emit. */
export function noteExposure(w: Engine, characters: number[], eventId: number): void {
  for (const c of characters) {
    const list = w.s.exposure[c]!;
    list.push(eventId);
    if (list.length > EXPOSURE_MEMORY) list.shift();
  }
}

/** The latest events that shaped what `o` smells of `e`. */
export function exposureCauses(w: Engine, o: number, e: number): number[] {
  const merged = [...new Set([...w.s.exposure[o]!, ...w.s.exposure[e]!])].sort((a, b) => a - b);
  return merged.slice(-EXPOSURE_MEMORY);
}

/** The latest event of `type` in character `c`'s own body or doing (one at most). */
export function lastOfType(w: Engine, c: number, type: EventType): number[] {
  return latestEventIds(w.s.events, type, idOf(w, c));
}

/** The latest event of `type` from `actor` toward `target` (one at most). */
export function lastEventIds(w: Engine, type: EventType, actor: number, target: number): number[] {
  return latestEventIds(w.s.events, type, idOf(w, actor), idOf(w, target));
}
