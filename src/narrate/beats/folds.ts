/**
 * Events of one instant that read as one sentence: people who went the same way together, the roster
 * events one heat collides with, the events one approver moved. One entry per event type: a key that
 * makes two events alike, and the sentence for all of them. A type without an entry is told event by
 * event.
 */
import { MEDICAL_LEAVE } from '../../calendar/redact.js';
import type { WorldEvent } from '../../model/events.js';
import { formatTimeOfDay, SECONDS_PER_DAY } from '../../units/time.js';
import type { EventType } from '../../vocabulary/events.js';
import { dayPhrase, listing } from '../language/phrases.js';
import type { Voice } from '../language/voice.js';

interface Fold {
  /** what makes two events of the instant alike (undefined: this one is told alone) */
  key(e: WorldEvent): string | undefined;
  /** the sentence for two or more alike, in log order */
  tell(events: readonly WorldEvent[], v: Voice): string;
}

const when = (v: Voice, now: number, t: unknown) => dayPhrase(v.names.startClock, now, Number(t));

export const FOLDS: Partial<Record<EventType, Fold>> = {
  move: {
    key: (e) => (e.value === undefined ? `${e.data.from}\u0000${e.data.to}` : undefined),
    tell: (events, v) => {
      const { from, to } = events[0]!.data;
      return `${listing(events.map((e) => v.who(e.actor)))} went from ${v.names.place(String(from))} ${v.names.into(String(to))}.`;
    },
  },
  conflict: {
    key: (e) =>
      e.data.reason === MEDICAL_LEAVE
        ? `${e.actor}\u0000${MEDICAL_LEAVE}`
        : `${e.actor}\u0000${e.value}\u0000${e.data.via ?? `${e.data.from}\u0000${e.data.to}`}`,
    tell: (events, v) => {
      const e = events[0]!;
      const titles = events.map((c) => v.names.event(String(c.data.event)));
      if (e.data.reason === MEDICAL_LEAVE)
        return `${v.lead(e.actor)} cannot be at ${listing(titles, 'or')}: ${MEDICAL_LEAVE}.`;
      return e.data.via
        ? `${v.lead(e.actor)} will be on leave with ${v.who(String(e.data.via))} during ${listing(titles)} (heat ${e.value}).`
        : `${v.lead(e.actor)} cannot be at ${listing(titles, 'or')}: heat ${e.value} between ${when(v, e.t, e.data.from)} and ${when(v, e.t, e.data.to)}.`;
    },
  },
  reschedule: {
    key: (e) => `${e.actor}\u0000${e.value}`,
    tell: (events, v) => {
      const e = events[0]!;
      const titles = events.map((r) => v.names.event(String(r.data.event)));
      const starts = events.map((r) => Number(r.data.to));
      const day = (t: number) => Math.floor((v.names.startClock + t) / SECONDS_PER_DAY);
      // On one day: "day 12, 07:00, 08:00 and 09:00"; else each with its day.
      const times = starts.every((t) => day(t) === day(starts[0]!))
        ? listing([
            when(v, e.t, starts[0]),
            ...starts.slice(1).map((t) => formatTimeOfDay(v.names.startClock + t)),
          ])
        : listing(starts.map((t) => when(v, e.t, t)));
      return `${v.lead(e.actor)} moved ${listing(titles)} to ${times} — ${e.value}.`;
    },
  },
};
