/**
 * `omegaverse generate crew`: a ship's or station's crew of any size as an ordinary scenario file —
 * places and doors, cabins per household, duty stations, characters drawn from the canon's
 * `population` numbers (ratios, suppressants, families and what children inherit), relations, a
 * day's routines as timeline actions, and a roster. The same options and seed give the same text.
 */
import { Document, isMap, isPair, isScalar, isSeq, type Node, Scalar, visit } from 'yaml';
import { applyOverrides, type Canon, type CanonPresetName, presets } from '../canon/index.js';
import type { Scalar as Value } from '../model/definition.js';
import { appendTo } from '../units/lists.js';
import { Prng } from '../units/prng.js';
import { formatDuration, SECONDS_PER_DAY, unitForm } from '../units/time.js';
import { ADULT_AGE, isAdult } from '../vocabulary/representations.js';
import { share } from './draw.js';
import { assignDuties, type Duty } from './duties.js';
import { idsFor, shipName } from './names.js';
import { drawPopulation, type Household, type Person } from './population.js';
import { dailyRoutines, roster, START_CLOCK } from './routine.js';
import { cabinOf, layout, type Setting } from './ship.js';

export interface CrewOptions {
  /** how many people aboard */
  size: number;
  /** the canon whose `population` numbers the crew follows, and which the scenario names */
  preset?: CanonPresetName;
  seed?: number;
  /** some of the crew live aboard as families */
  families?: boolean;
  /** families may have children under 18 (implies `families`); the age rule holds for them */
  withMinors?: boolean;
  setting?: Setting;
  /** how many days of routine the timeline holds (the scenario runs that long) */
  days?: number;
  /** canon parameters for this crew, by dotted path (`population.omegaShare`), kept in the file's `canon_overrides` */
  overrides?: Record<string, Value>;
}

/** A request the generator cannot meet, with what to do instead. */
export class GenerateError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** The largest crew, and the most days of routine, the generator writes (the file grows with both). */
export const MAX_SIZE = 5000;
export const MAX_DAYS = 30;

function checked(options: CrewOptions): Required<Omit<CrewOptions, 'overrides'>> & { canon: Canon } {
  const { size, preset = 'seeds', seed = 1, setting = 'ship', days = 1 } = options;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE)
    throw new GenerateError(`a crew's size is a whole number from 1 to ${MAX_SIZE}, got ${size}`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
    throw new GenerateError(`--days is a whole number from 1 to ${MAX_DAYS}, got ${days}`);
  const { canon, issues } = applyOverrides(presets[preset], options.overrides ?? {});
  const issue = issues[0];
  if (issue) throw new GenerateError(`--set ${String(issue.path[0])}: ${issue.message}`, issue.hint);
  const p = canon.population;
  if (p.alphaShare + p.omegaShare > 1)
    throw new GenerateError(
      `population.alphaShare (${p.alphaShare}) and population.omegaShare (${p.omegaShare}) add up to more than 1`,
      'betas are the rest: the two shares may add up to 1 at most',
    );
  if (p.adultAge.min < ADULT_AGE || p.adultAge.max < p.adultAge.min)
    throw new GenerateError(
      `population.adultAge must run from ${ADULT_AGE} or more up to at least its min, got ${p.adultAge.min} to ${p.adultAge.max}`,
      `adults are ${ADULT_AGE} or older: the age rule is not a parameter (children come with --with-minors)`,
    );
  return {
    size,
    preset,
    seed,
    setting,
    days,
    families: options.families ?? false,
    withMinors: options.withMinors ?? false,
    canon,
  };
}

const days = (seconds: number) => `${Math.round(seconds / SECONDS_PER_DAY)}d`;

/** A character as the scenario file writes it (pronouns and rut go here once the format has them). */
function characterEntry(
  person: Person,
  ids: readonly string[],
  duty: Duty | undefined,
  knows: string[],
  at: string,
) {
  return {
    name: `${person.given} ${person.family}`,
    representation: person.representation,
    ...(person.presentsAs && { presents_as: person.presentsAs }),
    age: person.age,
    self_control: person.selfControl,
    notes: person.notes,
    at,
    ...(person.suppressantSince !== undefined && {
      medication: [{ name: 'suppressant', since: days(person.suppressantSince) }],
    }),
    ...(person.cycle && {
      cycle: { period: days(person.cycle.period), onsets: person.cycle.onsets.map(instant) },
    }),
    ...(person.bonded && person.partner !== undefined && { bonded_to: ids[person.partner] }),
    ...(duty && { rank: duty.rank }),
    ...(knows.length && { knows }),
  };
}

/** Who knows whose true representation from a record: the head of the medical station, everyone's; a household, its own. */
function knowledge(people: readonly Person[], ids: readonly string[], duties: readonly (Duty | undefined)[]) {
  const doctor = duties.findIndex((d) => d?.station.role === 'medical' && d.rank === 2);
  return people.map((person, i) =>
    people.flatMap((other, j) =>
      j !== i && other.presentsAs && (i === doctor || other.household === person.household) ? [ids[j]!] : [],
    ),
  );
}

/** Partners, parents and children, and a workmate on the same watch for each crew member. */
function relations(
  rng: Prng,
  people: readonly Person[],
  ids: readonly string[],
  duties: readonly (Duty | undefined)[],
) {
  const out: Record<string, unknown>[] = [];
  people.forEach((person, i) => {
    if (person.partner !== undefined && person.partner > i)
      out.push({
        between: [ids[i], ids[person.partner]],
        affinity: share(rng, 0.6, 0.95),
        trust: share(rng, 0.8, 0.95),
        on_leave_with: true,
      });
    for (const parent of person.parents ?? []) out.push({ between: [ids[parent], ids[i]], trust: 0.9 });
  });
  const teams = new Map<string, number[]>();
  duties.forEach((d, i) => {
    if (d) appendTo(teams, `${d.station.id} ${d.watch}`, i);
  });
  for (const team of teams.values())
    for (let k = 0; k + 1 < team.length; k += 2)
      out.push({ between: [ids[team[k]!], ids[team[k + 1]!]], trust: share(rng, 0.5, 0.85) });
  return out;
}

/** The command that makes this file again. */
function commandLine(o: ReturnType<typeof checked>, overrides: Record<string, Value>): string {
  return [
    `omegaverse generate crew --size ${o.size} --preset ${o.preset} --seed ${o.seed}`,
    o.setting !== 'ship' ? ` --setting ${o.setting}` : '',
    o.days !== 1 ? ` --days ${o.days}` : '',
    o.families && !o.withMinors ? ' --families' : '',
    o.withMinors ? ' --with-minors' : '',
    ...Object.entries(overrides).map(([path, value]) => ` --set ${path}=${value}`),
  ].join('');
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function census(people: readonly Person[]): string {
  const count = (test: (p: Person) => boolean) => people.filter(test).length;
  const of = (r: string) => count((p) => p.representation === r);
  const minors = count((p) => !isAdult(p));
  return [
    `${counted(of('alpha'), 'alpha', 'alphas')}, ${counted(of('beta'), 'beta', 'betas')}, `,
    `${counted(of('omega'), 'omega', 'omegas')} (${count((p) => p.suppressantSince !== undefined)} on suppressants, `,
    `${counted(
      count((p) => p.presentsAs !== undefined),
      'passing as a beta',
      'passing as betas',
    )})`,
    minors ? `, ${minors} under ${ADULT_AGE} (${of('unpresented')} unpresented)` : '',
  ].join('');
}

const TIME = /^-?(\d+d)?\s*(\d+:\d\d(:\d\d)?)?$/;

/** The formats a crew is written in: YAML to read and edit, JSON to load fast (a large crew). */
export const CREW_FORMATS = ['yaml', 'json'] as const;
export type CrewFormat = (typeof CREW_FORMATS)[number];

/**
 * An instant as the generated file writes it: `1:04:00` within a day, `49d6h` past one (`49d 6:00:00`
 * would read as a time of day, and `check` would warn that it is easy to misread).
 */
const instant = (t: number): string => (Math.abs(t) < SECONDS_PER_DAY ? formatDuration(t) : unitForm(t));

/**
 * The crew's scenario as YAML text, commented, one line per part; or as JSON, the same scenario
 * without the comments, which loads many times faster.
 */
export function generateCrew(options: CrewOptions, format: CrewFormat = 'yaml'): string {
  const o = checked(options);
  const rng = Prng.fromSeed(o.seed);
  const ship = shipName(rng);
  const { people, households } = drawPopulation(rng, o.canon, o);
  const ids = idsFor(people);
  const duties = assignDuties(people, o.setting);
  const knows = knowledge(people, ids, duties);
  const children = people.some((p) => !isAdult(p));
  const { places, doors } = layout(o.setting, households, people.length, children);
  const steps = dailyRoutines(rng, ids, households, duties, o.days);
  const overrides = options.overrides ?? {};
  const where = o.setting === 'ship' ? `the ${ship}` : `${ship} Station`;
  const title = `${where[0]!.toUpperCase()}${where.slice(1)}: a crew of ${people.length}`;

  const scenario = {
    omegaverse: 1,
    title,
    seed: o.seed,
    canon: o.preset,
    ...(Object.keys(overrides).length && { canon_overrides: overrides }),
    clock: START_CLOCK,
    places: Object.fromEntries(places.map(({ id, ...place }) => [id, place])),
    doors,
    characters: Object.fromEntries(
      people.map((p, i) => [ids[i], characterEntry(p, ids, duties[i], knows[i]!, cabinOf(p.household))]),
    ),
    relations: relations(rng, people, ids, duties),
    timeline: steps.flat().map((s) => ({ ...s, at: instant(s.at) })),
    roster: roster(rng, ids, duties, o.days).map((r) => ({
      ...r,
      start: instant(r.start),
      end: instant(r.end),
    })),
    until: instant(o.days * SECONDS_PER_DAY),
  };
  if (format === 'json') return `${JSON.stringify(scenario, null, 2)}\n`;

  const doc = new Document(scenario);

  const p = o.canon.population;
  doc.commentBefore = [
    ` ${title}, generated by`,
    `   ${commandLine(o, overrides)}`,
    ` The ${o.preset} canon's population (docs/canon.md): ${percent(p.alphaShare)} alphas, ${percent(p.omegaShare)} omegas;`,
    ` ${percent(p.suppressantShare)} of adult omegas on suppressants, ${percent(p.concealShare)} of those passing as betas.`,
    ` Aboard: ${census(people)}.`,
    ` ${o.days === 1 ? 'A day' : `${o.days} days`} of the crew's routine from 06:00: watches, meals, cabins. The roster adds missions.`,
  ].join('\n');
  flowAndComment(
    doc,
    people,
    ids,
    households,
    duties,
    steps.map((s) => s.length),
  );
  // Times and durations are quoted, as the scenario format asks.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value !== '' && TIME.test(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** One line per place, door, character, relation, action and roster event; comments that group them. */
function flowAndComment(
  doc: Document,
  people: readonly Person[],
  ids: readonly string[],
  households: readonly Household[],
  duties: readonly (Duty | undefined)[],
  stepsPerPerson: readonly number[],
): void {
  const flowItems = (node: unknown) => {
    if (!isMap(node) && !isSeq(node)) return;
    for (const item of node.items) {
      const value = isPair(item) ? item.value : item;
      if (isMap(value) || isSeq(value)) value.flow = true;
    }
  };
  for (const key of ['places', 'doors', 'characters', 'relations', 'timeline', 'roster'])
    flowItems(doc.get(key, true));

  const characters = doc.get('characters', true);
  if (isMap(characters)) {
    households.forEach((household, h) => {
      const first = characters.items[household.members[0]!]!;
      const names = household.members.map((m) => `${people[m]!.given} ${people[m]!.family}`);
      if (isScalar(first.key))
        first.key.commentBefore = ` ${cabinOf(h)}: ${household.kind === 'family' ? 'the family of ' : ''}${names.join(', ')}`;
    });
  }
  const timeline = doc.get('timeline', true);
  if (isSeq(timeline)) {
    let index = 0;
    people.forEach((person, i) => {
      const node = timeline.items[index];
      const duty = duties[i];
      if (node && stepsPerPerson[i]) {
        (node as Node).commentBefore =
          ` ${person.given} ${person.family} (${ids[i]}): ${duty ? `${duty.station.name}, ${duty.watch} watch` : 'the schoolroom'}`;
      }
      index += stepsPerPerson[i]!;
    });
  }
}
