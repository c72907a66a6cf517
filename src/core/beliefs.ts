/**
 * Beliefs: what each observer takes each other character to be, with the source of that belief.
 * A belief changes only when new evidence is at least as strong as what it rests on.
 */
import type { Representation } from './definition.js';
import type { WorldEvent } from './events.js';

export const BELIEF_SOURCES = ['assumed', 'told', 'record', 'scent'] as const;
export type BeliefSource = (typeof BELIEF_SOURCES)[number];

/** What each source means, in words, for legends. */
export const SOURCE_MEANING: Record<BeliefSource, string> = {
  scent: 'smelled it',
  told: 'someone said so',
  record: 'from a record or file',
  assumed: 'no scent, no record: the presented representation, or beta',
};

export interface Belief {
  value: Representation;
  source: BeliefSource;
  /** 0..1 */
  confidence: number;
  /** when this observer came to hold this value */
  since: number;
}

/**
 * How much a belief's source weighs. A nose beats a file, a file beats hearsay, hearsay beats an
 * assumption. Reading someone as a beta by scent is only the absence of a distinctive note, so it
 * weighs as hearsay: it does not overturn a record.
 */
export function sourceWeight(source: BeliefSource, value: Representation): number {
  switch (source) {
    case 'assumed':
      return 0;
    case 'told':
      return 1;
    case 'record':
      return 2;
    case 'scent':
      return value === 'beta' ? 1 : 3;
  }
}

/** Whether evidence (value, source) should replace `current`. */
export function shouldAdopt(
  current: Belief | undefined,
  value: Representation,
  source: BeliefSource,
): boolean {
  if (!current) return true;
  if (current.value === value && current.source === source) return false;
  return sourceWeight(source, value) >= sourceWeight(current.source, current.value);
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
