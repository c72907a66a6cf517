/**
 * A body's lasting states, begun by one event and ended by another (a pre-heat by the heat's onset, a
 * heat by its end), recalled every `narration.bodyReminder` while they last, so that hours in pre-heat
 * show in the text as hours. One entry per state: a new one (a rut, from its onset to its end) needs
 * only its entry and its events' sentences.
 */
import type { Canon } from '../../canon/types.js';
import type { WorldEvent } from '../../model/events.js';
import type { EventType } from '../../vocabulary/events.js';
import { gridAfter, spokenDuration } from '../language/phrases.js';
import type { Voice } from '../language/voice.js';
import type { Beat } from './beat.js';

interface BodyState {
  /** the types of events that end it */
  ends: readonly EventType[];
  /** when it began: the event's instant, or, for a state already under way at the start, before it */
  since(e: WorldEvent, canon: Canon): number;
  /** what the reminder says, `span` (`six hours`) after it began */
  recall(e: WorldEvent, v: Voice, span: string): string;
}

export const BODY_STATES: Partial<Record<EventType, BodyState>> = {
  'pre-heat': {
    ends: ['heat-onset', 'heat-end'],
    since: (e, canon) => (e.data.ongoing ? Number(e.data.onset) - canon.heat.preHeatWindow : e.t),
    recall: (e, v, span) => `${v.who(e.actor)} was still in pre-heat, ${span} in.`,
  },
  'heat-onset': {
    ends: ['heat-end'],
    since: (e) => (e.data.ongoing ? Number(e.data.onset) : e.t),
    recall: (e, v, span) => `${v.who(e.actor)} was still in heat, ${span} in.`,
  },
  'pre-rut': {
    ends: ['rut-onset', 'rut-end'],
    since: (e, canon) => (e.data.ongoing ? Number(e.data.onset) - canon.rut.preRutWindow : e.t),
    recall: (e, v, span) => `${v.who(e.actor)} was still in pre-rut, ${span} in.`,
  },
  'rut-onset': {
    ends: ['rut-end'],
    since: (e) => (e.data.ongoing ? Number(e.data.onset) : e.t),
    recall: (e, v, span) => `${v.who(e.actor)} was still in rut, ${span} in.`,
  },
};

interface Lasting {
  began: WorldEvent;
  state: BodyState;
  since: number;
  /** the next reminder's instant */
  next: number;
}

export class BodyWatch {
  private readonly lasting = new Map<string, Lasting>();

  constructor(private readonly canon: Canon) {}

  /** Starts or ends the states `e` starts or ends. */
  event(e: WorldEvent): void {
    for (const [key, l] of this.lasting) {
      if (l.began.actor === e.actor && l.state.ends.includes(e.type)) this.lasting.delete(key);
    }
    const state = BODY_STATES[e.type];
    if (!state) return;
    const since = state.since(e, this.canon);
    const every = this.canon.narration.bodyReminder;
    // On the scene's own grid, so that lasting states are recalled together, once each has lasted its interval.
    const next = gridAfter(since + every, every, e.t);
    this.lasting.set(`${e.actor}\u0000${e.type}`, { began: e, state, since, next });
  }

  /** The reminders due before `t` (or at it, with `inclusive`), in time order. */
  due(t: number, inclusive: boolean): Beat[] {
    const beats: Beat[] = [];
    for (const l of this.lasting.values()) {
      while (inclusive ? l.next <= t : l.next < t) {
        const at = l.next;
        const span = spokenDuration(at - l.since);
        beats.push({
          t: at,
          events: [],
          types: [l.began.type],
          about: [l.began.actor!],
          tell: (v) => l.state.recall(l.began, v, span),
        });
        l.next += this.canon.narration.bodyReminder;
      }
    }
    return beats.sort((a, b) => a.t - b.t);
  }
}
