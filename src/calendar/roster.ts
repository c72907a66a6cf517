/**
 * The roster check: each mission or meeting against the participants' heat forecasts. A conflict is
 * `likely` when the event overlaps a window's core (center ± coreShare × half-width, then the heat's
 * duration), `possible` when it overlaps only the whole window (from … to, then the heat's duration);
 * a heat already under way (its onset known, its duration not over) is `likely`, `ongoing`.
 * A declared partner takes leave with them; conflicted events get reschedule proposals that clear
 * every participant's and partner's windows, the heats under way included. A participant with a cycle
 * but no forecast (too little history) cannot be checked: the report says so, and never counts them
 * as clear.
 */
import type { Canon } from '../canon/types.js';
import { type CycleKind, calendarCycleOf, cycleDuration } from '../model/cycle.js';
import type { CharacterDef, RosterEventDef, WorldDefinition } from '../model/definition.js';
import { SECONDS_PER_DAY } from '../units/time.js';
import type { Forecast, ForecastWindow } from './forecast.js';

export type ConflictLevel = 'likely' | 'possible';

export interface Conflict {
  /** roster event id */
  event: string;
  /** the character who cannot attend */
  character: string;
  level: ConflictLevel;
  /** whose cycle the window is of: a heat or a rut */
  kind: CycleKind;
  /** the forecast window behind it (the partner's, when `via` is set) */
  window: ForecastWindow;
  /** set when the character is on leave with this partner, whose window it is */
  via?: string;
  /** a heat (or rut) already under way at `now`: its window is its known onset */
  ongoing?: true;
}

/** A participant whose attendance cannot be checked: they have a cycle, but no forecast windows. */
export interface Unchecked {
  /** roster event id */
  event: string;
  /** the participant who cannot be checked (or who is on leave with the one who cannot) */
  character: string;
  kind: CycleKind;
  /** why, in the forecast's words ("2 recorded cycles; 3 are needed for a forecast") */
  note: string;
  /** set when it is the partner the character takes leave with who cannot be checked */
  via?: string;
}

export interface Proposal {
  start: number;
  end: number;
  /** when, in words, from `now`: "tomorrow", "in 3 days", "next week", "in 2 weeks" */
  label: string;
}

export interface RosterReport {
  /** by event start, event id, then character id */
  conflicts: Conflict[];
  /** by event id, for each conflicted event, in event order */
  proposals: Record<string, Proposal[]>;
  /** participants with a cycle and no forecast, by event start, event id, then character id */
  unchecked: Unchecked[];
}

export interface RosterInput {
  definition: WorldDefinition;
  /** by character id */
  forecasts: ReadonlyMap<string, Forecast>;
  /** pairs who take leave together */
  partners?: readonly (readonly [string, string])[];
  now: number;
}

/** The pairs a definition declares through `bonded_to` (each pair once, in id order). */
export function bondedPartners(definition: WorldDefinition): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const c of definition.characters) {
    if (!c.bondedTo) continue;
    const pair = [c.id, c.bondedTo].sort() as [string, string];
    pairs.set(pair.join('\u0000'), pair);
  }
  return [...pairs.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

/** A stretch of time someone is away for one window: the window's heat span at a level. */
interface Leave {
  owner: string;
  kind: CycleKind;
  window: ForecastWindow;
  /** [from, to + duration] */
  possible: [number, number];
  /** [center − core, center + core + duration] */
  likely: [number, number];
  ongoing?: true;
}

const overlaps = (start: number, end: number, [a, b]: [number, number]) => start < b && a < end;

function leavesOf(
  character: CharacterDef | undefined,
  forecast: Forecast | undefined,
  canon: Canon,
  now: number,
): Leave[] {
  const defined = character && calendarCycleOf(character);
  if (!character || !defined || !forecast) return [];
  const schedule = { ...defined, seed: 0, who: character.id };
  const duration = cycleDuration(schedule, canon, forecast.basis === 'regimen');
  const share = canon.forecast.coreShare;
  // A heat begun at the last known onset and not over yet is known leave, whatever the forecast.
  const last = forecast.lastOnset;
  const under: Leave[] =
    last !== undefined && last + duration > now
      ? [
          {
            owner: character.id,
            kind: defined.kind,
            window: { from: last, to: last, center: last },
            possible: [last, last + duration],
            likely: [last, last + duration],
            ongoing: true,
          },
        ]
      : [];
  return under.concat(
    forecast.windows.map((window): Leave => {
      const core = (share * (window.to - window.from)) / 2;
      return {
        owner: character.id,
        kind: defined.kind,
        window,
        possible: [window.from, window.to + duration],
        likely: [window.center - core, window.center + core + duration],
      };
    }),
  );
}

function levelFor(event: RosterEventDef, leave: Leave): ConflictLevel | undefined {
  if (overlaps(event.start, event.end, leave.likely)) return 'likely';
  if (overlaps(event.start, event.end, leave.possible)) return 'possible';
  return undefined;
}

const RANK: Record<ConflictLevel, number> = { likely: 2, possible: 1 };

/** Whether `a` should stand over `b` for the same event and character. */
const better = (a: Conflict, b: Conflict) =>
  RANK[a.level] - RANK[b.level] ||
  (a.via === undefined ? 1 : 0) - (b.via === undefined ? 1 : 0) ||
  b.window.from - a.window.from ||
  (b.via ?? '').localeCompare(a.via ?? '');

/**
 * What the check needs of one character who may be away or unaccounted for: someone with leaves, a
 * cycle without a forecast, or a partner.
 */
interface Person {
  id: string;
  leaves: Leave[];
  /** an event that ends by `awayFrom` or starts at `awayTo` or later meets none of their leaves */
  awayFrom: number;
  awayTo: number;
  /** whom they take leave with, in id order */
  partners: readonly string[];
  /** their own cycle, when it has no forecast windows */
  cannotCheck?: { kind: CycleKind; note: string };
  /** whether they, or someone they take leave with, cannot be checked */
  uncheckable: boolean;
  /** the indexes of their events, in event order (kept for those with partners) */
  events: number[];
}

/**
 * Everyone the check must look at, by id; anyone else (no cycle, no partner) is clear of every event.
 * Built in one pass over the characters: looking each participant of each event up in the
 * definition and the forecasts would cost several lookups per participant instead of one.
 * Character ids are unique (the scenario compiler sees to it).
 */
function peopleOf(input: RosterInput, partnersOf: ReadonlyMap<string, string[]>): Map<string, Person> {
  const { definition, forecasts, now } = input;
  const people = new Map<string, Person>();
  const add = (id: string, character: CharacterDef | undefined) => {
    const defined = character && calendarCycleOf(character);
    const partners = partnersOf.get(id) ?? [];
    if (!defined && !partners.length) return;
    const forecast = forecasts.get(id);
    const leaves = leavesOf(character, forecast, definition.canon, now);
    // With a cycle and no windows: nothing can be said of them, which is not the same as clear.
    const unforecast = defined && (!forecast || forecast.basis === 'insufficient');
    if (!leaves.length && !unforecast && !partners.length) return;
    let awayFrom = Number.POSITIVE_INFINITY;
    let awayTo = Number.NEGATIVE_INFINITY;
    for (const { possible, likely } of leaves) {
      awayFrom = Math.min(awayFrom, possible[0], likely[0]);
      awayTo = Math.max(awayTo, possible[1], likely[1]);
    }
    people.set(id, {
      id,
      leaves,
      awayFrom,
      awayTo,
      partners,
      ...(unforecast && { cannotCheck: { kind: defined.kind, note: forecast?.note ?? 'no forecast' } }),
      uncheckable: false,
      events: [],
    });
  };
  for (const character of definition.characters) add(character.id, character);
  for (const id of partnersOf.keys()) if (!people.has(id)) add(id, undefined);
  for (const person of people.values())
    person.uncheckable =
      person.cannotCheck !== undefined || person.partners.some((q) => people.get(q)?.cannotCheck);
  return people;
}

export function checkRoster(input: RosterInput): RosterReport {
  const { definition, now } = input;
  const partnersOf = new Map<string, string[]>();
  for (const [a, b] of input.partners ?? []) {
    if (a === b) continue;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = partnersOf.get(x) ?? [];
      if (!list.includes(y)) list.push(y);
      partnersOf.set(x, list.sort());
    }
  }
  const people = peopleOf(input, partnersOf);

  // Event ids are unique (the scenario compiler sees to it): an event's index stands for it.
  const events = definition.roster
    .filter((e) => e.end > now)
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  // The conflicts of each event, one a character (an event has few).
  const found: (Conflict[] | undefined)[] = new Array(events.length);
  const keep = (at: number, conflict: Conflict) => {
    const here = found[at];
    const k = here ? here.findIndex((c) => c.character === conflict.character) : -1;
    if (!here) found[at] = [conflict];
    else if (k < 0) here.push(conflict);
    else if (better(conflict, here[k]!) > 0) here[k] = conflict;
  };

  // Leaves that meet someone's event, once each, in the order first met: their partners are away too.
  const shared = new Map<Leave, Person>();
  const unchecked: Unchecked[] = [];
  const cast: Person[] = [];
  events.forEach((event, i) => {
    cast.length = 0;
    for (const id of event.participants) {
      const person = people.get(id);
      if (person) cast.push(person);
    }
    for (const person of cast) {
      if (person.partners.length && person.events.at(-1) !== i) person.events.push(i);
      if (event.end <= person.awayFrom || event.start >= person.awayTo) continue;
      const character = person.id;
      for (const leave of person.leaves) {
        const level = levelFor(event, leave);
        if (!level) continue;
        const ongoing = leave.ongoing && { ongoing: true as const };
        keep(i, { event: event.id, character, level, kind: leave.kind, window: leave.window, ...ongoing });
        if (person.partners.length && !shared.has(leave)) shared.set(leave, person);
      }
    }
    if (!cast.some(isUncheckable)) return;
    for (const person of cast.filter(isUncheckable).sort(byId)) {
      const character = person.id;
      if (person.cannotCheck) unchecked.push({ event: event.id, character, ...person.cannotCheck });
      for (const partner of person.partners) {
        const theirs = people.get(partner)?.cannotCheck;
        if (theirs) unchecked.push({ event: event.id, character, ...theirs, via: partner });
      }
    }
  });
  // The partner is on leave over the same window: their own events in it conflict too. (Meeting
  // more events would only find the same conflicts again.)
  for (const [leave, { id: character, partners }] of shared) {
    const ongoing = leave.ongoing && { ongoing: true as const };
    for (const partner of partners) {
      for (const j of people.get(partner)!.events) {
        const other = events[j]!;
        const level = levelFor(other, leave);
        if (level)
          keep(j, {
            event: other.id,
            character: partner,
            level,
            kind: leave.kind,
            window: leave.window,
            via: character,
            ...ongoing,
          });
      }
    }
  }

  const conflicts: Conflict[] = [];
  const proposals: Record<string, Proposal[]> = {};
  events.forEach((event, i) => {
    const here = found[i];
    if (!here) return;
    conflicts.push(...here.sort((a, b) => a.character.localeCompare(b.character)));
    // Whoever is away, the participants and their partners: the order of the spans does not matter.
    const spans: [number, number][] = [];
    const addSpans = (person: Person) => {
      for (const leave of person.leaves) spans.push(leave.possible);
    };
    for (const id of event.participants) {
      const person = people.get(id);
      if (!person) continue;
      addSpans(person);
      for (const q of person.partners) addSpans(people.get(q)!);
    }
    proposals[event.id] = propose(event, spans, now, definition.clock, definition.canon);
  });
  return { conflicts, proposals, unchecked };
}

/** By id, as `Array.prototype.sort` orders strings (by UTF-16 code units). */
const byId = (a: Person, b: Person) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
// Made once, not a closure per event: the check runs it for every event of a large roster.
const isUncheckable = (p: Person) => p.uncheckable;

/** The earliest slots, a step apart from the event's start, that keep the event clear of every span. */
function propose(
  event: RosterEventDef,
  spans: [number, number][],
  now: number,
  clock: number,
  canon: Canon,
): Proposal[] {
  const { proposals: wanted, proposalStep: step } = canon.forecast;
  const count = Math.max(0, Math.floor(wanted));
  const length = event.end - event.start;
  const out: Proposal[] = [];
  if (step <= 0 || count === 0) return out;
  // Past the last span every slot is clear: the search always ends.
  let clearAfter = now;
  for (const [, b] of spans) clearAfter = Math.max(clearAfter, b);
  const clear = (start: number, end: number) => {
    for (const span of spans) if (overlaps(start, end, span)) return false;
    return true;
  };
  for (let i = 1; out.length < count; i++) {
    const start = event.start + i * step;
    if (start < now) continue;
    const end = start + length;
    if (start < clearAfter && !clear(start, end)) continue;
    out.push({ start, end, label: relativeDay(now, start, clock) });
  }
  return out;
}

/**
 * When `t` falls, in words, seen from `now`, by the wall-clock day (`clock`: seconds after midnight at
 * the scenario's start): "later today", "tomorrow", "in 3 days", "next week" (7–13 days), "in 2 weeks".
 */
export function relativeDay(now: number, t: number, clock = 0): string {
  const day = (x: number) => Math.floor((clock + x) / SECONDS_PER_DAY);
  const days = day(t) - day(now);
  if (days < 0) return days === -1 ? 'yesterday' : `${-days} days ago`;
  if (days === 0) return 'later today';
  if (days === 1) return 'tomorrow';
  if (days < 7) return `in ${days} days`;
  if (days < 14) return 'next week';
  return `in ${Math.floor(days / 7)} weeks`;
}
