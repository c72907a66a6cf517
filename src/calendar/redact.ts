/**
 * The calendar's privacy boundary. A viewer who does not know a character's true representation sees,
 * for that character, only that they are on medical leave: no level, no window, no forecast, none of
 * the words that would give the reason away. Everyone knows themself.
 */

import type { WorldDefinition } from '../model/definition.js';
import type { WorldEvent } from '../model/events.js';
import { whoKnows } from '../model/knowledge.js';
import { appendTo } from '../units/lists.js';
import { formatClock, formatDuration } from '../units/time.js';
import { isAdult, type Representation } from '../vocabulary/representations.js';
import type { Forecast } from './forecast.js';
import type { Conflict, Proposal, RosterReport, Unchecked } from './roster.js';

/** Words a redacted view must never contain (checked case-insensitively). */
export const LEAK_WORDS: readonly string[] = [
  'heat',
  'pre-heat',
  'rut',
  'pre-rut',
  'cycle',
  'suppressant',
  'omega',
];

export const MEDICAL_LEAVE = 'medical leave';

/** What a viewer who does not know the character's true representation sees of a conflict. */
export interface RedactedConflict {
  event: string;
  character: string;
  reason: typeof MEDICAL_LEAVE;
}

export type ConflictView = Conflict | RedactedConflict;

/** What a viewer who does not know sees of a participant who cannot be checked. */
export interface RedactedUnchecked {
  event: string;
  character: string;
  reason: typeof MEDICAL_LEAVE;
}

export type UncheckedView = Unchecked | RedactedUnchecked;

export interface RosterView {
  conflicts: ConflictView[];
  /** participants who cannot be checked (no forecast): never shown as clear */
  unchecked: UncheckedView[];
  /** the events' reschedule proposals: times and labels only, for everyone */
  proposals: Record<string, Proposal[]>;
}

/** Whether `viewer` knows `subject`'s true representation. */
export type Knows = (viewer: string, subject: string) => boolean;

export const isRedacted = (conflict: ConflictView): conflict is RedactedConflict => 'reason' in conflict;

/** Everyone knows themself, whatever `knows` says. */
const knowing = (knows: Knows, viewer: string, subject: string) =>
  viewer === subject || knows(viewer, subject);

/** Whose secret a conflict carries: the character's own window, or the partner's they are on leave with. */
const subjectOf = (conflict: Conflict | Unchecked) => conflict.via ?? conflict.character;

/** The roster report as `viewer` may see it. */
export function viewRoster(report: RosterReport, viewer: string, knows: Knows): RosterView {
  return {
    conflicts: report.conflicts.map((c) =>
      knowing(knows, viewer, subjectOf(c))
        ? { ...c, window: { ...c.window } }
        : { event: c.event, character: c.character, reason: MEDICAL_LEAVE },
    ),
    unchecked: report.unchecked.map((u) =>
      knowing(knows, viewer, subjectOf(u))
        ? { ...u }
        : { event: u.event, character: u.character, reason: MEDICAL_LEAVE },
    ),
    proposals: Object.fromEntries(
      Object.entries(report.proposals).map(([event, list]) => [event, list.map((p) => ({ ...p }))]),
    ),
  };
}

/** The forecasts `viewer` may see: only those of characters whose true representation they know. */
export function viewForecasts(
  forecasts: ReadonlyMap<string, Forecast> | Iterable<Forecast>,
  viewer: string,
  knows: Knows,
): Forecast[] {
  const list: Forecast[] =
    forecasts instanceof Map ? [...forecasts.values()] : [...(forecasts as Iterable<Forecast>)];
  return list
    .filter((f) => knowing(knows, viewer, f.character))
    .map((f) => ({ ...f, windows: f.windows.map((w) => ({ ...w })) }));
}

/** Names for calendar sentences: characters, roster events, and the wall clock at the start. */
export interface CalendarNames {
  character(id: string): string;
  event(id: string): string;
  /** wall-clock time at the scenario's start, seconds after midnight */
  clock: number;
}

export function calendarNames(definition: WorldDefinition): CalendarNames {
  const characters = new Map(definition.characters.map((c) => [c.id, c.name]));
  const events = new Map(definition.roster.map((e) => [e.id, e.title]));
  return {
    character: (id) => characters.get(id) ?? id,
    event: (id) => events.get(id) ?? id,
    clock: definition.clock,
  };
}

/**
 * One sentence for a conflict. Known: "Kylo Ren's heat is likely during Mission to Crait (window day 12
 * 09:00:00 – day 15 09:00:00, onset expected day 13 21:00:00 ± 1d 12:00)". Redacted (or a conflict
 * that already is): "Kylo Ren: medical leave during Mission to Crait".
 */
export function describeConflict(conflict: ConflictView, names: CalendarNames, redacted: boolean): string {
  const who = names.character(conflict.character);
  const what = names.event(conflict.event);
  if (redacted || isRedacted(conflict)) return `${who}: ${MEDICAL_LEAVE} during ${what}`;
  const { from, to, center } = conflict.window;
  const at = (t: number) => formatClock(names.clock, t);
  const half = formatDuration(Math.round((to - from) / 2 / 60) * 60);
  const window = `(window ${at(from)} – ${at(to)}, onset expected ${at(center)} ± ${half})`;
  if (conflict.ongoing) {
    const began = `(began ${at(from)})`;
    if (conflict.via !== undefined)
      return `${who} is on leave with ${names.character(conflict.via)}, whose ${conflict.kind} is under way during ${what} ${began}`;
    return `${who}'s ${conflict.kind} is under way during ${what} ${began}`;
  }
  if (conflict.via !== undefined)
    return `${who} is on leave with ${names.character(conflict.via)}, whose ${conflict.kind} is ${conflict.level} during ${what} ${window}`;
  return `${who}'s ${conflict.kind} is ${conflict.level} during ${what} ${window}`;
}

/**
 * One sentence for a participant who cannot be checked. Known: "Vex: too little history: cannot check
 * heat against Night patrol (2 recorded cycles; 3 are needed for a forecast)". Redacted: "Vex:
 * medical leave cannot be ruled out during Night patrol (too little history: cannot check)".
 */
export function describeUnchecked(unchecked: UncheckedView, names: CalendarNames, redacted: boolean): string {
  const who = names.character(unchecked.character);
  const what = names.event(unchecked.event);
  if (redacted || 'reason' in unchecked)
    return `${who}: ${MEDICAL_LEAVE} cannot be ruled out during ${what} (too little history: cannot check)`;
  const whose = unchecked.via === undefined ? '' : `, on leave with ${names.character(unchecked.via)},`;
  const cycle =
    unchecked.via === undefined ? unchecked.kind : `${names.character(unchecked.via)}'s ${unchecked.kind}`;
  return `${who}${whose}: too little history: cannot check ${cycle} against ${what} (${unchecked.note})`;
}

/** The leak words found in `text` (case-insensitive): empty for a properly redacted text. */
export function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return LEAK_WORDS.filter((word) => lower.includes(word));
}

/**
 * `knows` from a definition and, optionally, a run's log up to `at`. With a log, a viewer knows a
 * subject's true representation when `whoKnows` says so (scent, a record, being told: the world logs
 * `knows:` records as beliefs); without one, when their `knows:` record names the subject. Either way
 * everyone knows a subject who openly presents as what they are, and everyone knows themself.
 */
export function knowsFrom(definition: WorldDefinition, events?: readonly WorldEvent[], at = 0): Knows {
  const byId = new Map(definition.characters.map((c) => [c.id, c]));
  const knowers = new Map<string, Set<string>>();
  // The log's beliefs by whom they are about, gathered once: a crew's worth of secrets is then one
  // pass over the log, not one each.
  let beliefsAbout: Map<string, WorldEvent[]> | undefined;
  const fromLog = (log: readonly WorldEvent[], subject: string, truth: Representation) => {
    const held = knowers.get(subject);
    if (held) return held;
    beliefsAbout ??= beliefsBySubject(log);
    const about = beliefsAbout.get(subject) ?? [];
    const set = new Set(whoKnows(about, subject, truth, at).map((k) => k.observer));
    knowers.set(subject, set);
    return set;
  };
  return (viewer, subject) => {
    if (viewer === subject) return true;
    // The age rule: nobody under 18 is told of anyone's heat or rut, not even in a calendar.
    if (!isAdult(byId.get(viewer) ?? {})) return false;
    const character = byId.get(subject);
    if (!character) return false;
    if (character.presentsAs === character.representation) return true;
    if (events) return fromLog(events, subject, character.representation).has(viewer);
    return byId.get(viewer)?.knows.includes(subject) ?? false;
  };
}

/** The belief events of a log by whom they are about, each list in log order. */
function beliefsBySubject(log: readonly WorldEvent[]): Map<string, WorldEvent[]> {
  const about = new Map<string, WorldEvent[]>();
  for (const event of log) if (event.type === 'belief' && event.target) appendTo(about, event.target, event);
  return about;
}
