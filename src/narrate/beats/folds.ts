/**
 * Events of one instant that read as one sentence: people who went the same way together, a crowd
 * that caught the same scent at once, the roster
 * events one heat collides with, the events one approver moved. One entry per event type: a key that
 * makes two events alike, and the sentence for all of them. A type without an entry is told event by
 * event.
 */
import { MEDICAL_LEAVE } from '../../calendar/redact.js';
import type { WorldEvent } from '../../model/events.js';
import { countWord } from '../../units/number-words.js';
import { formatTimeOfDay, SECONDS_PER_DAY } from '../../units/time.js';
import type { EventType } from '../../vocabulary/events.js';
import { kindCaught, scentCaught } from '../language/narrate.js';
import { dayPhrase, listing } from '../language/phrases.js';
import type { Voice } from '../language/voice.js';

interface Fold {
  /** what makes two events of the instant alike (undefined: this one is told alone) */
  key(e: WorldEvent): string | undefined;
  /** the sentence for two or more alike, in log order */
  tell(events: readonly WorldEvent[], v: Voice): string;
}

/** Many people named in a sentence: all of them up to four; past that, three and how many others. */
function crowd(ids: readonly (string | undefined)[], v: Voice): string {
  if (ids.length <= 4) return listing(ids.map((id) => v.who(id)));
  return `${ids
    .slice(0, 3)
    .map((id) => v.who(id))
    .join(', ')} and ${countWord(ids.length - 3)} others`;
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
  // A scent on one's own skin is told alone: it is one person's.
  detect: {
    key: (e) =>
      e.data.via === 'residue' ? undefined : `${e.target}\u0000${e.data.via}\u0000${Boolean(e.data.again)}`,
    tell: (events, v) =>
      scentCaught(
        crowd(
          events.map((e) => e.actor),
          v,
        ),
        events[0]!,
        v,
      ),
  },
  identify: {
    key: (e) => (e.data.via === 'residue' ? undefined : `${e.target}\u0000${e.value}\u0000${e.data.via}`),
    tell: (events, v) =>
      kindCaught(
        crowd(
          events.map((e) => e.actor),
          v,
        ),
        events[0]!,
        v,
      ),
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
