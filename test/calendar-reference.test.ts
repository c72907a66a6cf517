/**
 * The calendar's indexed code against plain references on random small crews: `checkRoster` (built to
 * look each participant up once and spread a partner's leave once) against a direct reading of the
 * rules, every event against every participant's and partner's windows; `forecastAll` (the log and
 * timeline gathered in one pass) against `forecast` of `historyOf` one character at a time. The same
 * report, conflicts, proposals and unchecked participants, in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Conflict,
  checkRoster,
  type Forecast,
  forecast,
  forecastAll,
  historyOf,
  type Proposal,
  type RosterReport,
  relativeDay,
  type Unchecked,
} from '../src/calendar/index.js';
import { calendarCycleOf, cycleDuration } from '../src/model/cycle.js';
import type { Action, CharacterDef, RosterEventDef, WorldDefinition } from '../src/model/definition.js';
import type { WorldEvent } from '../src/model/events.js';
import { D, definitionOf, person } from './calendar-fixtures.js';

const H = 3600;
const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
/** A participant or partner who is no character of the definition. */
const GHOST = 'ghost';

const someone = fc.constantFrom(...IDS, GHOST);

const characterArb = fc.record({
  representation: fc.constantFrom('omega', 'alpha', 'beta'),
  period: fc.integer({ min: 20, max: 40 }),
  /** the last recorded onset (days), and how much each cycle before it strays from the period */
  last: fc.integer({ min: -30, max: 60 }),
  jitters: fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 6 }),
  suppressant: fc.oneof(fc.constant(false), fc.constant(false), fc.constant(true)),
  since: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
});

const eventArb = fc.record({
  start: fc.integer({ min: -20 * 24, max: 120 * 24 }),
  hours: fc.integer({ min: 1, max: 240 }),
  participants: fc.array(someone, { maxLength: 5 }),
});

const logArb = fc.record({
  hour: fc.integer({ min: -50 * 24, max: 160 * 24 }),
  type: fc.constantFrom('heat-onset', 'heat-advanced', 'rut-onset', 'medication' as const),
  actor: someone,
  take: fc.boolean(),
});

const crewArb = fc.record({
  characters: fc.array(characterArb, { minLength: 1, maxLength: IDS.length }),
  roster: fc.array(eventArb, { maxLength: 40 }),
  partners: fc.array(fc.tuple(someone, someone), { maxLength: 4 }),
  /** characters whose forecast is left out of the map */
  unforecast: fc.array(someone, { maxLength: 2 }),
  log: fc.array(logArb, { maxLength: 12 }),
  timeline: fc.array(logArb, { maxLength: 4 }),
  nowHours: fc.integer({ min: 0, max: 60 * 24 }),
});

type Crew = typeof crewArb extends fc.Arbitrary<infer T> ? T : never;

function definitionFrom(crew: Crew): WorldDefinition {
  const characters: CharacterDef[] = crew.characters.map((c, i) => {
    const onsets = [c.last];
    for (const jitter of c.jitters) onsets.unshift(onsets[0]! - c.period - jitter);
    const cycle = {
      period: c.period * D,
      duration: 3 * D,
      variability: 2 * D,
      onsets: onsets.map((d) => d * D),
    };
    return person(IDS[i]!, IDS[i]!.toUpperCase(), {
      representation: c.representation,
      ...(c.representation === 'omega' && { cycle }),
      ...(c.representation === 'alpha' && { rut: cycle }),
      medication: c.suppressant
        ? [{ name: 'suppressant', ...(c.since !== undefined && { since: c.since * D }) }]
        : [],
    });
  });
  const roster: RosterEventDef[] = crew.roster.map((e, i) => ({
    id: `r${i}`,
    title: `Duty ${i}`,
    start: e.start * H,
    end: (e.start + e.hours) * H,
    participants: e.participants,
  }));
  const timeline: Action[] = crew.timeline.map((x) => ({
    at: x.hour * H,
    actor: x.actor,
    do: x.take ? 'take' : 'stop',
    medication: 'suppressant',
  }));
  return definitionOf({ title: 'reference', characters, roster, timeline });
}

function logFrom(crew: Crew): WorldEvent[] {
  return [...crew.log]
    .sort((x, y) => x.hour - y.hour)
    .map((x, i): WorldEvent => {
      const medication = x.type === 'medication';
      return {
        id: i + 1,
        t: x.hour * H,
        type: x.type,
        actor: x.actor,
        ...(medication && { value: x.take ? 'take' : 'stop' }),
        data: medication ? { medication: 'suppressant' } : { advance: 3 * H },
        causes: [],
      };
    });
}

/** The roster rules read directly: every participant's leaves against every event, every partner's too. */
function referenceRoster(
  definition: WorldDefinition,
  forecasts: ReadonlyMap<string, Forecast>,
  partners: readonly (readonly [string, string])[],
  now: number,
): RosterReport {
  const canon = definition.canon;
  const characterOf = (id: string) => definition.characters.filter((c) => c.id === id).at(-1);
  const partnersOf = (id: string) =>
    [
      ...new Set(
        partners.filter(([a, b]) => a !== b && (a === id || b === id)).map(([a, b]) => (a === id ? b : a)),
      ),
    ].sort();
  const leavesOf = (id: string) => {
    const character = characterOf(id);
    const defined = character && calendarCycleOf(character);
    const f = forecasts.get(id);
    if (!character || !defined || !f) return [];
    const duration = cycleDuration({ ...defined, seed: 0, who: id }, canon, f.basis === 'regimen');
    const leaves: { window: Conflict['window']; likely: number[]; possible: number[]; ongoing?: true }[] = [];
    if (f.lastOnset !== undefined && f.lastOnset + duration > now) {
      const at = f.lastOnset;
      leaves.push({
        window: { from: at, to: at, center: at },
        likely: [at, at + duration],
        possible: [at, at + duration],
        ongoing: true,
      });
    }
    for (const window of f.windows) {
      const core = (canon.forecast.coreShare * (window.to - window.from)) / 2;
      leaves.push({
        window,
        possible: [window.from, window.to + duration],
        likely: [window.center - core, window.center + core + duration],
      });
    }
    return leaves.map((l) => ({ ...l, kind: defined.kind }));
  };
  const meets = (e: RosterEventDef, [a, b]: number[]) => e.start < b! && a! < e.end;
  const levelOf = (e: RosterEventDef, l: { likely: number[]; possible: number[] }) =>
    meets(e, l.likely) ? 'likely' : meets(e, l.possible) ? 'possible' : undefined;
  const rank = { likely: 2, possible: 1 };
  const better = (a: Conflict, b: Conflict) =>
    rank[a.level] - rank[b.level] ||
    (a.via === undefined ? 1 : 0) - (b.via === undefined ? 1 : 0) ||
    b.window.from - a.window.from ||
    (b.via ?? '').localeCompare(a.via ?? '');

  const events = definition.roster
    .filter((e) => e.end > now)
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  const found = new Map<string, Conflict>();
  const keep = (c: Conflict) => {
    const key = `${c.event}/${c.character}`;
    const held = found.get(key);
    if (!held || better(c, held) > 0) found.set(key, c);
  };
  for (const event of events)
    for (const character of event.participants)
      for (const leave of leavesOf(character)) {
        const level = levelOf(event, leave);
        if (!level) continue;
        const ongoing = leave.ongoing && { ongoing: true as const };
        keep({ event: event.id, character, level, kind: leave.kind, window: leave.window, ...ongoing });
        for (const partner of partnersOf(character))
          for (const other of events.filter((o) => o.participants.includes(partner))) {
            const theirs = levelOf(other, leave);
            if (theirs)
              keep({
                event: other.id,
                character: partner,
                level: theirs,
                kind: leave.kind,
                window: leave.window,
                via: character,
                ...ongoing,
              });
          }
      }

  const cannotCheck = (id: string) => {
    const character = characterOf(id);
    const defined = character && calendarCycleOf(character);
    const f = forecasts.get(id);
    if (!defined || (f && f.basis !== 'insufficient')) return undefined;
    return { kind: defined.kind, note: f?.note ?? 'no forecast' };
  };
  const unchecked: Unchecked[] = [];
  for (const event of events)
    for (const character of [...event.participants].sort()) {
      const own = cannotCheck(character);
      if (own) unchecked.push({ event: event.id, character, ...own });
      for (const partner of partnersOf(character)) {
        const theirs = cannotCheck(partner);
        if (theirs) unchecked.push({ event: event.id, character, ...theirs, via: partner });
      }
    }

  const index = (id: string) => events.findIndex((e) => e.id === id);
  const conflicts = [...found.values()].sort(
    (a, b) => index(a.event) - index(b.event) || a.character.localeCompare(b.character),
  );
  const proposals: Record<string, Proposal[]> = {};
  for (const event of events.filter((e) => conflicts.some((c) => c.event === e.id))) {
    const away = event.participants.flatMap((p) => [p, ...partnersOf(p)]);
    const spans = away.flatMap((id) => leavesOf(id).map((l) => l.possible));
    const { proposals: wanted, proposalStep: step } = canon.forecast;
    const list: Proposal[] = [];
    for (let i = 1; list.length < wanted; i++) {
      const start = event.start + i * step;
      const slot = { ...event, start, end: start + event.end - event.start };
      if (start >= now && !spans.some((s) => meets(slot, s)))
        list.push({ start, end: slot.end, label: relativeDay(now, start, definition.clock) });
    }
    proposals[event.id] = list;
  }
  return { conflicts, proposals, unchecked };
}

describe('the calendar against plain references', () => {
  it('checkRoster gives the reference report on random crews, partners and gaps included', () => {
    fc.assert(
      fc.property(crewArb, (crew) => {
        const definition = definitionFrom(crew);
        const now = crew.nowHours * H;
        const forecasts = forecastAll(definition, now);
        for (const id of crew.unforecast) forecasts.delete(id);
        const report = checkRoster({ definition, forecasts, partners: crew.partners, now });
        expect(report).toEqual(referenceRoster(definition, forecasts, crew.partners, now));
      }),
      { numRuns: 1000 },
    );
  });

  it('forecastAll gives each character’s forecast from historyOf, with a log or the timeline', () => {
    fc.assert(
      fc.property(crewArb, fc.boolean(), (crew, withLog) => {
        const definition = definitionFrom(crew);
        const now = crew.nowHours * H;
        const options = withLog ? { events: logFrom(crew) } : {};
        const expected = new Map(
          definition.characters
            .filter((c) => calendarCycleOf(c))
            .map((character) => [
              character.id,
              forecast({
                character,
                canon: definition.canon,
                now,
                ...historyOf(definition, character.id, now, options),
              }),
            ]),
        );
        expect(forecastAll(definition, now, options)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
