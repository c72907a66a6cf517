/**
 * The benchmarks' worlds: the bundled scenes, and generated crowds and crews of any size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCrew } from '../src/generate/crew.js';
import {
  type CharacterDef,
  characterName,
  type DoorDef,
  type PlaceDef,
  placeName,
  type RosterEventDef,
  type WorldDefinition,
} from '../src/model/definition.js';
import { formatScenarioError, loadScenario } from '../src/scenario/index.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../src/units/time.js';

const ROOT = join(import.meta.dirname, '..');

/** `text` compiled as the scenario `file`; its errors, if any, thrown. */
function compiled(text: string, file: string): WorldDefinition {
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.definition;
}

/** A generated crew (`generate crew`) of `size`, with canon `overrides`. */
export function generatedCrew(size: number, overrides: Record<string, number>): WorldDefinition {
  return compiled(generateCrew({ size, seed: 3, overrides }), 'crew.yaml');
}

export function bundled(name: string): WorldDefinition {
  return compiled(readFileSync(join(ROOT, 'scenarios', name), 'utf8'), name);
}

/**
 * A crowd: `people` characters spread over `places` rooms off a hall, for `minutes` simulated minutes;
 * from ten minutes in, those of every other room walk into the hall, one minute after another.
 */
export function crowd(people: number, places: number, minutes = 60): WorldDefinition {
  const reps = ['alpha', 'beta', 'omega'] as const;
  const lines = [
    'omegaverse: 1',
    'title: crowd',
    'seed: 5',
    'places:',
    '  hall: { volume: 2000, ventilation: 4 }',
  ];
  for (let p = 0; p < places; p++)
    lines.push(`  room${p}: { volume: ${60 + p * 7}, ventilation: ${1 + (p % 3)} }`);
  lines.push('doors:');
  for (let p = 0; p < places; p++)
    lines.push(`  - { id: door${p}, between: [hall, room${p}], state: ${p % 2 ? 'open' : 'closed'} }`);
  lines.push('characters:');
  for (let c = 0; c < people; c++)
    lines.push(`  c${c}: { representation: ${reps[c % 3]}, age: 30, at: room${c % places} }`);
  lines.push('timeline:');
  for (let c = 0; c < people; c++) {
    const minute = 10 + (c % 40);
    if ((c % places) % 2 === 1 && minute < minutes) {
      lines.push(`  - { at: "0:${String(minute).padStart(2, '0')}:00", actor: c${c}, do: move, to: hall }`);
    }
  }
  lines.push(`until: "${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:00"`);
  return compiled(lines.join('\n'), 'crowd.yaml');
}

/**
 * A mess hall at mealtime: `people` of the crew (alphas, betas and omegas in turn, a few omegas
 * passing for betas, one in pre-heat), all in the mess from the start, with a galley and a corridor
 * through open doors; one late arrival, a few who come close to each other, an order, a word, a
 * refusal; ten minutes. The scene the beats view is measured on: its full log is mostly each pair
 * taking each other for what they present as.
 */
export function messHall(people: number): WorldDefinition {
  const reps = ['alpha', 'beta', 'omega'] as const;
  const pronouns = ['she', 'he', 'they'] as const;
  const lines = [
    'omegaverse: 1',
    `title: Mess hall (${people})`,
    'seed: 12',
    'clock: "12:00"',
    'places:',
    '  mess: { volume: 1500, ventilation: 6 }',
    '  galley: { volume: 80, ventilation: 4 }',
    '  corridor: { volume: 400, ventilation: 4 }',
    'doors:',
    '  - { id: galley-door, between: [mess, galley], state: open }',
    '  - { id: mess-door, between: [mess, corridor], state: open }',
    'characters:',
    '  kell: { name: Petty Officer Kell, pronouns: he, representation: alpha, age: 24, self_control: 0.4, at: corridor }',
  ];
  for (let c = 0; c < people - 1; c++) {
    const representation = reps[c % 3]!;
    // Every fourth omega passes for a beta, on a suppressant; one is in pre-heat.
    const passes = representation === 'omega' && c % 12 === 2;
    const extra = passes ? ', presents_as: beta, medication: [suppressant]' : '';
    const cycle = c === 5 ? ', cycle: { period: 30d, duration: 3d, onsets: ["-29d 18:00"] }' : '';
    lines.push(
      `  c${c}: { name: Crew ${c + 1}, pronouns: ${pronouns[c % 3]}, representation: ${representation}, age: ${20 + (c % 30)}, self_control: ${0.3 + (c % 7) / 10}, at: ${c % 10 === 9 ? 'galley' : 'mess'}${extra}${cycle} }`,
    );
  }
  lines.push(
    'timeline:',
    '  - { at: "0:02:00", actor: kell, do: move, to: mess }',
    '  - { at: "0:03:00", actor: c0, do: approach, target: c2 }',
    '  - { at: "0:03:30", actor: c3, do: order, target: c1, demand: { do: move, to: galley } }',
    '  - { at: "0:04:00", actor: kell, do: approach, target: c5 }',
    '  - { at: "0:05:00", actor: c5, do: refuse, target: kell }',
    '  - { at: "0:05:10", actor: kell, do: withdraw }',
    '  - { at: "0:06:00", actor: c4, do: say, text: "Seconds, anyone?" }',
    '  - { at: "0:07:00", actor: c6, do: approach, target: c8 }',
    '  - { at: "0:08:00", actor: c6, do: withdraw }',
    'until: "0:10:00"',
  );
  return compiled(lines.join('\n'), 'mess-hall.yaml');
}

/**
 * A crew with a calendar: `people` characters (a third of them omegas with recorded cycles, some on
 * suppressants), each in a cabin of their own off one corridor, and `events` roster events over a year.
 */
export function crew(people: number, events: number, until: string): WorldDefinition {
  return compiled(crewText(people, events, until), 'crew.yaml');
}

/** The scenario of `crew`, as data. */
function crewScenario(people: number, events: number, until: string) {
  const places: Record<string, object> = { corridor: { volume: 3000, ventilation: 6 } };
  for (let c = 0; c < people; c++) places[`cabin${c}`] = { volume: 40, ventilation: 2 };
  const characters: Record<string, object> = {};
  for (let c = 0; c < people; c++) {
    const representation = ['alpha', 'beta', 'omega'][c % 3];
    const period = 26 + (c % 9);
    characters[`c${c}`] = {
      representation,
      age: 30,
      at: `cabin${c}`,
      ...(representation === 'omega' && {
        cycle: {
          period: `${period}d`,
          duration: '4d',
          onsets: [4, 3, 2, 1].map((k) => `-${k * period + (c % 7)}d`),
        },
        ...(c % 4 === 0 && { medication: ['suppressant'] }),
      }),
    };
  }
  return {
    omegaverse: 1,
    title: 'crew',
    seed: 9,
    places,
    doors: Array.from({ length: people }, (_, c) => ({
      id: `d${c}`,
      between: ['corridor', `cabin${c}`],
      state: 'closed',
    })),
    characters,
    roster: Array.from({ length: events }, (_, e) => {
      const { day, participants } = crewDuty(e, events, people);
      return { id: `r${e}`, title: `Duty ${e}`, start: `${day}d 8:00`, end: `${day}d 12:00`, participants };
    }),
    until,
  };
}

/** A value in YAML's flow style, as the crew's text has always written it: times and negative durations quoted. */
const flow = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(flow).join(', ')}]`
    : typeof value === 'object' && value !== null
      ? `{ ${Object.entries(value)
          .map(([key, v]) => `${key}: ${flow(v)}`)
          .join(', ')} }`
      : typeof value === 'string' && /^-|:/.test(value)
        ? `"${value}"`
        : String(value);

/** The scenario text of `crew`: YAML, one line per place, door, character and roster event. */
export function crewText(people: number, events: number, until: string): string {
  const scenario = crewScenario(people, events, until);
  return [
    `omegaverse: ${scenario.omegaverse}`,
    `title: ${scenario.title}`,
    `seed: ${scenario.seed}`,
    'places:',
    ...Object.entries(scenario.places).map(([id, place]) => `  ${id}: ${flow(place)}`),
    'doors:',
    ...scenario.doors.map((door) => `  - ${flow(door)}`),
    'characters:',
    ...Object.entries(scenario.characters).map(([id, character]) => `  ${id}: ${flow(character)}`),
    'roster:',
    ...scenario.roster.map((event) => `  - ${flow(event)}`),
    `until: "${scenario.until}"`,
  ].join('\n');
}

/** The scenario of `crew` as JSON, as a program writing a large crew would. */
export function crewJson(people: number, events: number, until: string): string {
  return JSON.stringify(crewScenario(people, events, until));
}

/** The `e`-th of a crew's `events` roster duties: the day it falls on (8:00 to 12:00), and who is on it. */
function crewDuty(e: number, events: number, people: number) {
  const day = Math.floor((e * 365) / events);
  const participants = [0, 1, 2, 3].map((k) => `c${(e * 7 + k * 13) % people}`);
  return { day, participants: [...new Set(participants)] };
}

/**
 * `crewText` gives character `c` what it gives `c` modulo this (the representation by c % 3, the cycle
 * by c % 9 and c % 7, the suppressant by c % 4): the least common multiple.
 */
const CREW_PATTERN = 252;

/**
 * The definition `crew` loads, built without its scenario text, for crews whose text is too big to
 * load (100,000 people exhaust a 4 GB heap as YAML): each character is a copy of the loaded character
 * of a small crew at the same place in the pattern, under their own id, name and cabin; the roster is
 * written out directly. `test/bench-worlds.test.ts` checks it equals `crew`.
 */
export function crewDefinition(people: number, events: number, until: string): WorldDefinition {
  const pattern = crew(Math.min(people, CREW_PATTERN), 1, until);
  const corridor = pattern.places[0]!;
  const cabin = (c: number) => `cabin${c}`;
  const characters: CharacterDef[] = [];
  const places: PlaceDef[] = [corridor];
  const doors: DoorDef[] = [];
  for (let c = 0; c < people; c++) {
    const id = `c${c}`;
    const like = structuredClone(pattern.characters[c % CREW_PATTERN]!);
    characters.push({ ...like, id, name: characterName(id), at: cabin(c) });
    places.push({ ...pattern.places[1]!, id: cabin(c), name: placeName(cabin(c)) });
    doors.push({ ...pattern.doors[0]!, id: `d${c}`, between: [corridor.id, cabin(c)] });
  }
  const roster: RosterEventDef[] = [];
  for (let e = 0; e < events; e++) {
    const { day, participants } = crewDuty(e, events, people);
    const start = day * SECONDS_PER_DAY + 8 * SECONDS_PER_HOUR;
    roster.push({ id: `r${e}`, title: `Duty ${e}`, start, end: start + 4 * SECONDS_PER_HOUR, participants });
  }
  return { ...pattern, places, doors, characters, roster };
}

/**
 * A rota: an alpha and a beta at work for `days` days, in one ops room (`shared`) or one each, off a
 * corridor; nothing else happens.
 */
export function sharedRoom(days: number, shared: boolean): WorldDefinition {
  const text = [
    'omegaverse: 1',
    'title: ops rota',
    'seed: 4',
    'places:',
    '  ops: { volume: 80, ventilation: 3 }',
    '  ops-2: { volume: 80, ventilation: 3 }',
    '  corridor: { volume: 400, ventilation: 6 }',
    'doors:',
    '  - { id: ops-door, between: [ops, corridor], state: closed }',
    '  - { id: ops-2-door, between: [ops-2, corridor], state: closed }',
    'characters:',
    '  ana: { representation: alpha, age: 34, self_control: 0.8, at: ops }',
    `  ben: { representation: beta, age: 29, at: ${shared ? 'ops' : 'ops-2'} }`,
    `until: "${days}d"`,
  ].join('\n');
  return compiled(text, 'rota.yaml');
}
