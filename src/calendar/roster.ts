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

export function checkRoster(input: RosterInput): RosterReport {
  const { definition, forecasts, now } = input;
  const canon = definition.canon;
  const characters = new Map(definition.characters.map((c) => [c.id, c]));
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
  const leaves = new Map<string, Leave[]>();
  const leavesFor = (id: string) => {
    const held = leaves.get(id);
    if (held) return held;
    const list = leavesOf(characters.get(id), forecasts.get(id), canon, now);
    leaves.set(id, list);
    return list;
  };

  const events = definition.roster
    .filter((e) => e.end > now)
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  // Each character's events, in event order: a partner's leave is checked against their own events
  // only, not the whole roster.
  const eventsOf = new Map<string, RosterEventDef[]>();
  for (const event of events) {
    for (const id of event.participants) {
      const list = eventsOf.get(id);
      if (!list) eventsOf.set(id, [event]);
      else if (list.at(-1) !== event) list.push(event);
    }
  }

  const found = new Map<string, Conflict>();
  const keep = (conflict: Conflict) => {
    const key = `${conflict.event}\u0000${conflict.character}`;
    const held = found.get(key);
    if (!held || better(conflict, held) > 0) found.set(key, conflict);
  };

  for (const event of events) {
    for (const character of event.participants) {
      for (const leave of leavesFor(character)) {
        const level = levelFor(event, leave);
        if (!level) continue;
        const ongoing = leave.ongoing && { ongoing: true as const };
        keep({ event: event.id, character, level, kind: leave.kind, window: leave.window, ...ongoing });
        // The partner is on leave over the same window: their own events in it conflict too.
        for (const partner of partnersOf.get(character) ?? []) {
          for (const other of eventsOf.get(partner) ?? []) {
            const partnerLevel = levelFor(other, leave);
            if (partnerLevel)
              keep({
                event: other.id,
                character: partner,
                level: partnerLevel,
                kind: leave.kind,
                window: leave.window,
                via: character,
                ...ongoing,
              });
          }
        }
      }
    }
  }

  // With a cycle and no windows: nothing can be said of them, which is not the same as clear.
  const unchecked: Unchecked[] = [];
  const cannotCheck = (id: string) => {
    const character = characters.get(id);
    const defined = character && calendarCycleOf(character);
    if (!defined) return undefined;
    const f = forecasts.get(id);
    if (f && f.basis !== 'insufficient') return undefined;
    return { kind: defined.kind, note: f?.note ?? 'no forecast' };
  };
  for (const event of events) {
    for (const character of [...event.participants].sort()) {
      const own = cannotCheck(character);
      if (own) unchecked.push({ event: event.id, character, ...own });
      for (const partner of partnersOf.get(character) ?? []) {
        const theirs = cannotCheck(partner);
        if (theirs) unchecked.push({ event: event.id, character, ...theirs, via: partner });
      }
    }
  }

  const order = new Map(events.map((e, i) => [e.id, i]));
  const conflicts = [...found.values()].sort(
    (a, b) => order.get(a.event)! - order.get(b.event)! || a.character.localeCompare(b.character),
  );

  const conflicted = new Set(conflicts.map((c) => c.event));
  const proposals: Record<string, Proposal[]> = {};
  for (const event of events) {
    if (!conflicted.has(event.id)) continue;
    const away = new Set<string>();
    for (const p of event.participants) {
      away.add(p);
      for (const q of partnersOf.get(p) ?? []) away.add(q);
    }
    const spans = [...away].sort().flatMap((id) => leavesFor(id).map((l) => l.possible));
    proposals[event.id] = propose(event, spans, now, definition.clock, canon);
  }
  return { conflicts, proposals, unchecked };
}

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
  const clearAfter = Math.max(now, ...spans.map(([, b]) => b));
  for (let i = 1; out.length < count; i++) {
    const start = event.start + i * step;
    if (start < now) continue;
    const end = start + length;
    if (start < clearAfter && spans.some((s) => overlaps(start, end, s))) continue;
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
