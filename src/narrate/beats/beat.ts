/**
 * A beat: what a reader of the scene would notice at one instant, told in one or a few sentences. It
 * tells some of the log's events (a folded line tells many), or a lasting state the log does not
 * hold (thick air, a pull held for an hour) read from the running world.
 */
import type { WorldEvent } from '../../model/events.js';
import type { Voice } from '../language/voice.js';

export interface Beat {
  /** the instant it happened, seconds from the start */
  t: number;
  /** the events it tells, in log order; none for a lasting state */
  events: readonly WorldEvent[];
  /** for filters: the event types it tells or extends (a drive held: `drive`) */
  types: readonly string[];
  /** for filters: the characters it is about */
  about: readonly string[];
  /** its sentence(s), in the voice of the paragraph it is told in */
  tell(v: Voice): string;
}

/** A beat that tells one event as its sentence says it. */
export function eventBeat(e: WorldEvent, tell: (v: Voice) => string): Beat {
  return {
    t: e.t,
    events: [e],
    types: [e.type],
    about: [e.actor, e.target].filter((id): id is string => id !== undefined),
    tell,
  };
}

/** What `--only` and `--about` keep: event types, and characters (as actor, target or the one told about). */
export interface BeatFilter {
  only?: ReadonlySet<string>;
  about?: ReadonlySet<string>;
}

/** Whether an event passes the filter. */
export function keepsEvent(filter: BeatFilter, e: WorldEvent): boolean {
  if (filter.only && !filter.only.has(e.type)) return false;
  if (!filter.about) return true;
  return [e.actor, e.target, e.data.about, e.data.via].some(
    (id) => typeof id === 'string' && filter.about!.has(id),
  );
}

/** Whether a beat passes the filter: one of its events does, or (a lasting state) its type and people. */
export function keepsBeat(filter: BeatFilter, beat: Beat): boolean {
  if (beat.events.length) return beat.events.some((e) => keepsEvent(filter, e));
  if (filter.only && !beat.types.some((type) => filter.only!.has(type))) return false;
  return !filter.about || beat.about.some((id) => filter.about!.has(id));
}
