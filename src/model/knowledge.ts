/**
 * Knowledge: what each observer takes each other character to be, with the source of that belief, and
 * who knows someone's true representation, read from a log.
 */
import type { BeliefSource } from '../vocabulary/beliefs.js';
import type { Representation } from '../vocabulary/representations.js';
import type { WorldEvent } from './events.js';

export interface Belief {
  value: Representation;
  source: BeliefSource;
  /** 0..1 */
  confidence: number;
  /** when this observer came to hold this value */
  since: number;
}

export interface Knower {
  observer: string;
  /** since when they have held the true representation without a break */
  since: number;
  /** how they first came to know it in that stretch */
  how: BeliefSource;
  /** what their knowledge rests on now */
  latest: BeliefSource;
}

/**
 * Who knows `subject`'s true representation at instant `at`, from the `belief` events of a log. An
 * assumption that happens to be right is not knowledge: a knower holds it from scent, a record or
 * being told.
 */
export function whoKnows(
  events: readonly WorldEvent[],
  subject: string,
  truth: Representation,
  at: number,
): Knower[] {
  const held = new Map<string, Knower | null>();
  for (const event of events) {
    if (event.t > at) break;
    if (event.type !== 'belief' || event.target !== subject || !event.actor) continue;
    const source = event.data.source as BeliefSource;
    const correct = event.value === truth && source !== 'assumed';
    const previous = held.get(event.actor);
    if (!correct) held.set(event.actor, null);
    else if (previous) previous.latest = source;
    else held.set(event.actor, { observer: event.actor, since: event.t, how: source, latest: source });
  }
  return [...held.values()]
    .filter((k): k is Knower => k !== null)
    .sort((a, b) => a.since - b.since || a.observer.localeCompare(b.observer));
}
