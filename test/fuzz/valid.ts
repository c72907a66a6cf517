/**
 * Valid scenarios, generated whole: a cast of alphas, betas, omegas and the unpresented (minors
 * among them), places joined by doors, gear and suppressants, heats and ruts under way or due, bonds,
 * relations, a roster, expectations, and a timeline of every action kind. The timeline is drawn as
 * intentions over the cast, then walked in time order by `resolve`, which keeps only what the
 * scenario compiler accepts (the generator tracks places, doors, worn and carried items as the
 * compiler's walk does); so what fast-check shrinks is the intentions, and every shrunk scene is
 * still valid.
 *
 * A scenario is built as a plain object (the file's shape, snake_case) and written out as YAML text.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { formatDuration } from '../../src/units/time.js';
import { ACTION_KINDS, type ActionKind, UNORDERABLE } from '../../src/vocabulary/actions.js';
import { ADULT_AGE } from '../../src/vocabulary/representations.js';

/** A scenario file as data: what `stringify` writes out. */
export type ScenarioData = Record<string, unknown>;

const REPS = ['alpha', 'beta', 'omega', 'unpresented'] as const;
type Rep = (typeof REPS)[number];
const GEAR = ['sealed-helmet', 'filter-mask', 'blaster', 'knife'] as const;
const WEAPONS = new Set<string>(['blaster', 'knife']);
// Names and notes that no redaction check would read as a secret (no "heat", "rut", "omega"…).
const NAMES = ['Ada', 'Bo', 'Cass', 'Dov', 'Eli', 'Fen', 'Gil', 'Hal'];
const NOTES = ['cedar', 'smoke', 'linen', 'honey', 'rain', 'starch', 'ozone', 'sand'];
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

const person = fc.record({
  rep: fc.constantFrom(...REPS),
  age: fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 10, max: ADULT_AGE - 1 }) },
    { weight: 5, arbitrary: fc.integer({ min: ADULT_AGE, max: 70 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  selfControl: fc.constantFrom(0, 0.2, 0.5, 0.8, 1),
  place: fc.nat(),
  passes: fc.boolean(),
  worn: fc.subarray([...GEAR], { maxLength: 2 }),
  carried: fc.subarray([...GEAR], { maxLength: 3 }),
  suppressant: fc.boolean(),
  // seconds from the start to the next onset of a heat or rut: under way, in the ramp, or soon
  onsetIn: fc.option(fc.integer({ min: -2 * HOUR, max: 14 * HOUR }), { nil: undefined }),
  knows: fc.nat(),
  rank: fc.option(fc.integer({ min: -2, max: 3 }), { nil: undefined }),
  notes: fc.subarray(NOTES, { maxLength: 2 }),
});
type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

/** One intention of the timeline: indices into the cast and the places, resolved by `resolve`. */
const intention = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom(...ACTION_KINDS),
  actor: fc.nat(),
  target: fc.nat(),
  other: fc.nat(),
  pick: fc.nat(),
  flag: fc.boolean(),
  demand: fc.constantFrom(...ACTION_KINDS.filter((k) => k !== 'order' && !UNORDERABLE[k])),
  rep: fc.constantFrom('alpha', 'beta', 'omega'),
});
type Intention = typeof intention extends fc.Arbitrary<infer T> ? T : never;

/** How big a world to draw: small for the quick runs in `npm test`, larger for campaigns. */
export interface Size {
  cast: number;
  actions: number;
  /** the usual run's longest `until`, seconds; one in fifty runs is hours long, when `hours` */
  until: number;
  hours: boolean;
  /** the deepest nesting a hostile file may have */
  depth: number;
  /** also the bundled scenes under other seeds (minutes to days long: campaigns only) */
  bundled: boolean;
}

export const QUICK: Size = { cast: 3, actions: 8, until: 45, hours: false, depth: 500, bundled: false };
export const CAMPAIGN: Size = {
  cast: 5,
  actions: 14,
  until: 5 * MINUTE,
  hours: true,
  depth: 50_000,
  bundled: true,
};

const shape = (size: Size) =>
  fc.record({
    seed: fc.nat({ max: 1_000_000 }),
    canon: fc.constantFrom('seeds', 'classic'),
    rutInSeeds: fc.boolean(),
    clock: fc.option(fc.constantFrom('00:00', '08:30', '21:00', '23:59:59'), { nil: undefined }),
    places: fc.array(
      fc.record({
        volume: fc.constantFrom(20, 45, 60, 200, 800),
        ventilation: fc.constantFrom(0, 0.5, 2, 6, 30),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    doors: fc.array(fc.constantFrom('open', 'closed', 'sealed'), { minLength: 2, maxLength: 2 }),
    extraDoor: fc.boolean(),
    cast: fc.array(person, { minLength: 1, maxLength: size.cast }),
    bond: fc.boolean(),
    relations: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        affinity: fc.option(fc.constantFrom(0, 0.5, 1), { nil: undefined }),
        trust: fc.option(fc.constantFrom(0, 0.5, 1), { nil: undefined }),
        leave: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    roster: fc.array(
      fc.record({ start: fc.nat({ max: 3 * DAY }), length: fc.integer({ min: 1, max: DAY }) }),
      {
        maxLength: 2,
      },
    ),
    // most runs last a minute or minutes; a few last hours, where the world jumps between instants
    until: size.hours
      ? fc.oneof(
          { weight: 49, arbitrary: fc.integer({ min: 20, max: size.until }) },
          { weight: 1, arbitrary: fc.integer({ min: HOUR, max: 6 * HOUR }) },
        )
      : fc.integer({ min: 20, max: size.until }),
    timeline: fc.array(intention, { maxLength: size.actions }),
    expect: fc.array(fc.record({ event: fc.nat(), actor: fc.nat(), never: fc.boolean() }), { maxLength: 2 }),
  });
export type Shape = ReturnType<typeof shape> extends fc.Arbitrary<infer T> ? T : never;

const adult = (p: Person) => p.age !== undefined && p.age >= ADULT_AGE;
const id = (i: number) => `c${i}`;
const placeId = (i: number) => `p${i}`;
const at = (seconds: number) => formatDuration(seconds);

/** The scenario a shape describes: valid by construction. */
export function resolve(s: Shape): ScenarioData {
  const n = s.cast.length;
  const places = s.places.map((_, i) => placeId(i));
  const ruts = s.canon === 'classic' || s.rutInSeeds;
  const doors: { id: string; between: [string, string]; state: string }[] = [];
  for (let i = 1; i < places.length; i++)
    doors.push({ id: `d${i}`, between: [places[i - 1]!, places[i]!], state: s.doors[i - 1]! });
  if (s.extraDoor && places.length === 3) doors.push({ id: 'd3', between: ['p0', 'p2'], state: 'open' });

  const characters: Record<string, Record<string, unknown>> = {};
  const alpha = s.cast.findIndex((p) => p.rep === 'alpha' && adult(p));
  const omega = s.cast.findIndex((p) => p.rep === 'omega' && adult(p));
  s.cast.forEach((p, i) => {
    const c: Record<string, unknown> = {
      name: NAMES[i],
      representation: p.rep,
      at: places[p.place % places.length],
    };
    if (p.age !== undefined) c.age = p.age;
    c.self_control = p.selfControl;
    if (p.passes && p.rep !== 'beta') c.presents_as = 'beta';
    if (p.notes.length) c.notes = p.notes;
    const worn = [...new Set(p.worn)].filter((g) => !WEAPONS.has(g));
    if (worn.length) c.wears = worn;
    const carried = p.carried.filter((g) => !worn.includes(g));
    if (carried.length) c.carries = carried;
    if (p.suppressant && p.rep !== 'beta') c.medication = ['suppressant'];
    if (p.onsetIn !== undefined && adult(p)) {
      const cycle = (period: number, duration: number) => ({
        period: `${period}d`,
        duration: `${duration}d`,
        onsets: [at(p.onsetIn! - period * DAY)],
      });
      if (p.rep === 'omega') c.cycle = cycle(28, 3);
      else if (p.rep === 'alpha' && ruts) c.rut = cycle(60, 2);
    }
    const known = p.knows % (n + 1);
    if (known < n && known !== i) c.knows = [id(known)];
    if (p.rank !== undefined) c.rank = p.rank;
    characters[id(i)] = c;
  });
  if (s.bond && alpha >= 0 && omega >= 0) characters[id(alpha)]!.bonded_to = id(omega);

  const relations: Record<string, unknown>[] = [];
  const related = new Set<string>();
  for (const r of s.relations) {
    const [a, b] = [r.a % n, r.b % n];
    const key = [a, b].sort().join(',');
    if (a === b || related.has(key)) continue;
    related.add(key);
    const rel: Record<string, unknown> = { between: [id(a), id(b)] };
    // Chemistry and shared leave: adults only (the age rule).
    if (r.affinity !== undefined && adult(s.cast[a]!) && adult(s.cast[b]!)) rel.affinity = r.affinity;
    if (r.trust !== undefined) rel.trust = r.trust;
    if (r.leave && adult(s.cast[a]!) && adult(s.cast[b]!)) rel.on_leave_with = true;
    relations.push(rel);
  }

  const roster = s.roster.map((r, i) => ({
    id: `r${i}`,
    title: `Watch ${i + 1}`,
    start: at(r.start),
    end: at(r.start + r.length),
    participants: Object.keys(characters).filter((_, k) => (k + i) % 2 === 0),
  }));

  const timeline = walk(s, places, doors, roster);
  const data: ScenarioData = { omegaverse: 1, title: 'fuzz', seed: s.seed, canon: s.canon };
  if (s.canon === 'seeds' && s.rutInSeeds) data.canon_overrides = { 'rut.enabled': true };
  if (s.clock) data.clock = s.clock;
  data.places = Object.fromEntries(places.map((p, i) => [p, s.places[i]]));
  if (doors.length) data.doors = doors;
  data.characters = characters;
  if (relations.length) data.relations = relations;
  if (roster.length) data.roster = roster;
  if (timeline.length) data.timeline = timeline;
  data.until = at(s.until);
  if (s.expect.length)
    data.expect = s.expect.map((x) => ({
      event: EXPECTED[x.event % EXPECTED.length],
      actor: id(x.actor % n),
      ...(x.never && { never: true }),
    }));
  return data;
}

const EXPECTED = ['identify', 'belief', 'detect', 'drive', 'approach', 'heat-onset'];

/**
 * The timeline: the intentions in time order, each made into an action the compiler's walk accepts
 * at that point, or left out. Orders are not assumed obeyed (the compiler does not hold what they
 * might change against later actions, so assuming nothing stays valid).
 */
function walk(
  s: Shape,
  places: string[],
  doors: { id: string; between: [string, string]; state: string }[],
  roster: { id: string }[],
): Record<string, unknown>[] {
  const n = s.cast.length;
  const where = s.cast.map((p) => places[p.place % places.length]!);
  const doorState = new Map(doors.map((d) => [d.id, d.state]));
  const wears = s.cast.map((p) => new Set(p.worn.filter((g) => !WEAPONS.has(g))));
  const carries = s.cast.map((p, i) => new Set(p.carried.filter((g) => !wears[i]!.has(g))));
  const rep: Rep[] = s.cast.map((p) => p.rep);
  const out: Record<string, unknown>[] = [];
  const sorted = s.timeline
    .map((x) => ({ ...x, at: x.at % s.until }))
    .sort((a, b) => a.at - b.at || a.actor - b.actor);
  for (const x of sorted) {
    const a = x.actor % n;
    const t = x.target % n;
    const body = action(x.kind, a, t, x);
    if (body) out.push({ at: at(x.at), actor: id(a), ...body });
  }
  return out;

  /** The action `kind` by `a`, toward `t` where it names someone, or undefined if it cannot be done. */
  function action(kind: ActionKind, a: number, t: number, x: Intention): Record<string, unknown> | undefined {
    const together = a !== t && where[a] === where[t];
    const doorsHere = doors.filter((d) => d.between.includes(where[a]!));
    switch (kind) {
      case 'move': {
        const open = doorsHere.filter((d) => doorState.get(d.id) === 'open');
        if (!open.length) return undefined;
        const door = open[x.pick % open.length]!;
        const to = door.between.find((p) => p !== where[a])!;
        where[a] = to;
        return { do: 'move', to };
      }
      case 'open':
      case 'close': {
        if (!doorsHere.length) return undefined;
        const door = doorsHere[x.pick % doorsHere.length]!;
        doorState.set(door.id, kind === 'open' ? 'open' : 'closed');
        return { do: kind, door: door.id };
      }
      case 'wear': {
        const item = [...carries[a]!].filter((g) => !WEAPONS.has(g))[x.pick % 4];
        if (!item) return undefined;
        carries[a]!.delete(item);
        wears[a]!.add(item);
        return { do: 'wear', item };
      }
      case 'remove': {
        const item = [...wears[a]!][x.pick % 4];
        if (!item) return undefined;
        wears[a]!.delete(item);
        carries[a]!.add(item);
        return { do: 'remove', item };
      }
      case 'aim': {
        const weapon = [...carries[a]!].find((g) => WEAPONS.has(g));
        if (!together || !weapon) return undefined;
        return x.flag ? { do: 'aim', target: id(t), item: weapon } : { do: 'aim', target: id(t) };
      }
      case 'lower':
        return { do: 'lower' };
      case 'withdraw':
        return x.flag && a !== t ? { do: 'withdraw', target: id(t) } : { do: 'withdraw' };
      case 'say':
        return {
          do: 'say',
          text: x.flag ? 'All clear.' : 'Nothing to report.',
          truthful: x.pick % 2 === 0,
          ...(a !== t && x.pick % 3 === 0 && { target: id(t) }),
        };
      case 'tell':
        return together ? { do: 'tell', target: id(t), about: id(x.other % n), value: x.rep } : undefined;
      case 'order': {
        if (!together) return undefined;
        // Tracked as if obeyed: the compiler holds nothing an order may change against later actions.
        const demand = action(x.demand, t, a, { ...x, kind: x.demand });
        if (!demand) return undefined;
        const voice = x.flag && rep[a] === 'alpha';
        return { do: 'order', target: id(t), demand, voice, ...(x.pick % 2 === 0 && { text: 'Now.' }) };
      }
      case 'shower':
        return { do: 'shower' };
      case 'take':
      case 'stop':
        return { do: kind, medication: 'suppressant' };
      case 'mark':
        return together && adult(s.cast[a]!) && adult(s.cast[t]!) ? { do: 'mark', target: id(t) } : undefined;
      case 'request-leave':
        return {
          do: 'request-leave',
          ...(a !== t && x.flag && { target: id(t) }),
          ...(roster.length && x.pick % 2 === 0 && { event: roster[x.pick % roster.length]!.id }),
        };
      case 'present': {
        if (rep[a] !== 'unpresented') return undefined;
        rep[a] = x.rep as Rep;
        return { do: 'present', as: x.rep };
      }
      case 'submit':
        return x.flag ? { do: 'submit' } : together ? { do: 'submit', target: id(t) } : undefined;
      default:
        // approach, touch, refuse, consent, reassure: face to face
        return together ? { do: kind, target: id(t) } : undefined;
    }
  }
}

export const validShape = shape;
export const validScenario = (size: Size): fc.Arbitrary<ScenarioData> => shape(size).map(resolve);

/** YAML text for a scenario (times as quoted strings: the file format rejects bare numbers). */
export const toYaml = (data: ScenarioData): string =>
  stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
