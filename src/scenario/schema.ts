/**
 * The shape of a scenario file, as a zod schema: types, ranges, required and unknown keys, durations.
 * References between parts (a character's place, an action's target) are checked in `compile.ts`.
 * Keys stay as written (snake_case), so that a value's path is also its path in the file.
 */
import * as z from 'zod';
import { PRESET_NAMES } from '../canon/index.js';
import { actionSchema, representation } from '../shape/actions.js';
import { describeRange, inRange, nearest, type Range, SCENARIO_RANGES } from '../shape/ranges.js';
import {
  didYouMean,
  expecting,
  id,
  oneOf,
  quote,
  readDetails,
  report,
  show,
  strict,
  text,
} from '../shape/wording.js';
import { type Misreading, misreading, namesTimeOfDay, parseClock, parseDuration } from '../units/time.js';
import { DOOR_STATES } from '../vocabulary/doors.js';
import { EVENT_TYPES } from '../vocabulary/events.js';
import { PLACE_ARTICLES, PLACE_PREPOSITIONS } from '../vocabulary/places.js';
import { PRONOUN_NAMES } from '../vocabulary/pronouns.js';
import type { ScenarioError } from './errors.js';
import type { Locator, Path } from './locator.js';

/** A number within its documented range (`SCENARIO_RANGES`); out of it, the hint names the nearest. */
function number(what: string, range: Range) {
  const full = `${what} ${describeRange(range)}`;
  const outOfRange = (iss: { input?: unknown }) =>
    report({ message: `expected ${full}, got ${show(iss.input)}`, hint: nearestHint(iss.input, range) });
  // Zod calls .inf and .nan no number at all: they are numbers out of range here.
  return z
    .number({ error: (iss) => (typeof iss.input === 'number' ? outOfRange(iss) : expecting(full)(iss)) })
    .refine((n) => inRange(n, range), { error: outOfRange });
}

/** `the nearest accepted value is 1`, for a number out of its range. */
function nearestHint(input: unknown, range: Range): string | undefined {
  const near = typeof input === 'number' ? nearest(input, range) : undefined;
  return near === undefined ? undefined : `the nearest accepted value is ${near}`;
}

const share = () =>
  number('a number', SCENARIO_RANGES['characters.*.self_control, characters.*.habituation']);

const list = <T extends z.core.SomeType>(what: string, item: T) => z.array(item, { error: expecting(what) });

const mapOf = <T extends z.core.SomeType>(what: string, value: T) =>
  z.record(z.string(), value, { error: expecting(what) });

const pair = (what: string) =>
  z.tuple([id(what), id(what)], { error: expecting(`two ${what} ids, as [a, b]`) });

const nonEmpty = (what: string) => ({
  error: () => report({ message: `there must be at least one ${what}` }),
});

const DURATION_SYNTAX = '[-][Nd][ H:MM[:SS]], or units [-][Nd][Nh][Nm][Ns]';

/**
 * The file being read: its wall clock at the start, against which a time of day on a day
 * (`"-20d at 10:00"`) is an instant, and the forms easy to misread met so far, by the text written.
 * Zod's transforms see only their value, so `readShape` sets this around its one synchronous parse.
 */
const reading = { clock: 0, misread: new Map<string, Misreading>() };

/**
 * A duration or instant in seconds, written as text: a bare number would leave its unit unclear. An
 * instant (`what` = 'an instant') may also be a time of day on a day, read against the file's clock.
 */
function duration(what: string, range: Range) {
  const full = `${what} ${describeRange(range)}`;
  const instant = what === 'an instant';
  return z
    .string({
      error: (iss) =>
        typeof iss.input === 'number'
          ? report({
              message: `expected ${full} as text, got the bare number ${iss.input}`,
              hint: 'write durations as a quoted string: "0:00:05" or "5s" is five seconds, "5d" five days',
            })
          : expecting(full)(iss),
    })
    .transform((written, ctx) => {
      if (!instant && namesTimeOfDay(written)) {
        ctx.addIssue({
          code: 'custom',
          message: report({
            message: `${quote(written)} is a time of day, and ${what} is a length of time`,
            hint: 'write the length, e.g. "30d" or "12h"; "Nd at HH:MM" names an instant',
          }),
        });
        return z.NEVER;
      }
      const seconds = parseDuration(written, reading.clock);
      if (seconds === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: report({
            message: `malformed duration ${quote(written)}`,
            expected: `${DURATION_SYNTAX}, e.g. "0:04:30", "1d 7:00", "90s", "2h", "-180d"${instant ? ', or "-20d at 10:00"' : ''}`,
          }),
        });
        return z.NEVER;
      }
      if (!inRange(seconds, range)) {
        ctx.addIssue({
          code: 'custom',
          message: report({
            message: `expected ${full}, got ${quote(written)}`,
            hint: nearestHint(seconds, range),
          }),
        });
        return z.NEVER;
      }
      const misread = misreading(written, reading.clock, instant);
      if (misread) reading.misread.set(written, misread);
      return seconds;
    });
}

/** An instant anywhere in the documented span (`SCENARIO_RANGES.instants`). */
const instant = () => duration('an instant', SCENARIO_RANGES.instants);

/** A wall-clock time of day, in seconds after midnight. */
function clock() {
  const what = 'a time of day "HH:MM" or "HH:MM:SS"';
  return z.string({ error: expecting(what, 'write it in quotes: "14:00"') }).transform((written, ctx) => {
    const seconds = parseClock(written);
    if (seconds !== undefined) return seconds;
    ctx.addIssue({
      code: 'custom',
      message: report({
        message: `malformed time of day ${quote(written)}`,
        expected: `${what}, from 00:00 to 23:59:59`,
      }),
    });
    return z.NEVER;
  });
}

const scalar = () => {
  const range = SCENARIO_RANGES['expect.*.value, expect.*.data.*'];
  return z
    .union([z.string(), z.number(), z.boolean()], {
      error: expecting('a single value (text, a number, true or false)'),
    })
    .superRefine((value, ctx) => {
      if (typeof value === 'number' && !inRange(value, range))
        ctx.addIssue({
          code: 'custom',
          message: report({
            message: `expected a number ${describeRange(range)}, got ${show(value)}`,
            hint: nearestHint(value, range),
          }),
        });
    });
};

const version = z.literal(1, {
  error: (iss) =>
    iss.input === undefined
      ? report({
          message: "missing 'omegaverse: 1'",
          hint: 'start the file with the format version: omegaverse: 1',
        })
      : report({
          message: `unknown format version ${show(iss.input)}`,
          expected: '1',
          hint: 'this engine reads omegaverse: 1 files',
        }),
});

const place = strict('a place', {
  name: text('a name').optional(),
  article: oneOf(PLACE_ARTICLES, 'an article').optional(),
  preposition: oneOf(PLACE_PREPOSITIONS, 'a preposition').optional(),
  volume: number('a volume', SCENARIO_RANGES['places.*.volume']),
  ventilation: number('a ventilation rate', SCENARIO_RANGES['places.*.ventilation']),
  x: number('a position', SCENARIO_RANGES['places.*.x, places.*.y']).optional(),
  y: number('a position', SCENARIO_RANGES['places.*.x, places.*.y']).optional(),
});

const door = strict('a door', {
  id: id('a door'),
  between: pair('place'),
  state: oneOf(DOOR_STATES, 'a door state').default('closed'),
});

const medication = z.preprocess(
  // A bare name is short for `{ name }`.
  (value) => (typeof value === 'string' ? { name: value } : value),
  strict(
    'a medication',
    { name: text('a medication name'), since: instant().optional() },
    'a medication name, or { name, since }',
  ),
);

const cycle = strict('a cycle', {
  period: duration(
    'a period',
    SCENARIO_RANGES['characters.*.cycle.period, characters.*.rut.period'],
  ).optional(),
  duration: duration(
    'a duration',
    SCENARIO_RANGES['characters.*.cycle.duration, characters.*.rut.duration'],
  ).optional(),
  variability: duration(
    'a variability',
    SCENARIO_RANGES['characters.*.cycle.variability, characters.*.rut.variability'],
  ).optional(),
  onsets: list('a list of onsets (instants)', instant()).min(1, nonEmpty('recorded onset')),
});

const PRONOUN_FORMS = ['subject', 'object', 'possessive', 'reflexive'] as const;
const PRONOUNS_EXPECTED = `${PRONOUN_NAMES.join(', ')}, or { ${PRONOUN_FORMS.join(', ')} }`;

/** A named set (`she`), or one written out as a map of its four forms. */
const pronouns = z.union(
  [
    oneOf(PRONOUN_NAMES, 'pronouns'),
    strict(
      'a pronoun set',
      Object.fromEntries(PRONOUN_FORMS.map((form) => [form, text('a pronoun')])) as {
        [K in (typeof PRONOUN_FORMS)[number]]: ReturnType<typeof text>;
      },
    ),
  ],
  {
    error: (iss) => {
      const input = iss.input;
      if (typeof input === 'string')
        return report({
          message: `unknown pronouns ${quote(input)}`,
          expected: PRONOUNS_EXPECTED,
          hint:
            didYouMean(input, PRONOUN_NAMES) ??
            'write another set out: { subject: xe, object: xem, possessive: xyr, reflexive: xemself }',
        });
      const missing =
        typeof input === 'object' && input !== null && !Array.isArray(input)
          ? PRONOUN_FORMS.filter((form) => !Object.hasOwn(input, form))
          : [];
      return missing.length
        ? report({
            message: `a pronoun set needs ${missing.map((m) => `'${m}'`).join(' and ')}`,
            expected: PRONOUNS_EXPECTED,
          })
        : expecting(PRONOUNS_EXPECTED)(iss);
    },
  },
);

const character = strict('a character', {
  name: text('a name').optional(),
  short_name: text('a name').optional(),
  pronouns: pronouns.optional(),
  representation: representation(),
  presents_as: representation().optional(),
  age: number('an age', SCENARIO_RANGES['characters.*.age']).optional(),
  self_control: share().default(0.5),
  notes: list('a list of scent notes', text('a scent note')).default([]),
  at: id('a place'),
  wears: list('a list of items', id('an item')).default([]),
  carries: list('a list of items', id('an item')).default([]),
  medication: list('a list of medications', medication).default([]),
  cycle: cycle.optional(),
  rut: cycle.optional(),
  bonded_to: id('a character').optional(),
  rank: number('a rank', SCENARIO_RANGES['characters.*.rank']).optional(),
  knows: list('a list of character ids', id('a character')).default([]),
  habituation: share().optional(),
});

const relation = strict('a relation', {
  between: pair('character'),
  affinity: share().optional(),
  trust: share().optional(),
  on_leave_with: z.boolean({ error: expecting('true or false') }).optional(),
});

const stamp = { at: duration('an instant', SCENARIO_RANGES['timeline.*.at']), actor: id('a character') };

const action = actionSchema(stamp);

const rosterEvent = strict('a roster event', {
  id: id('a roster event'),
  title: text('a title'),
  start: instant(),
  end: instant(),
  participants: list('a list of character ids', id('a character')).default([]),
});

const expectation = strict('an expectation', {
  event: oneOf(EVENT_TYPES, 'an event type'),
  actor: id('a character').optional(),
  target: id('a character').optional(),
  value: scalar().optional(),
  data: mapOf('a map of values', scalar()).optional(),
  within: z.tuple([instant(), instant()], { error: expecting('two instants, as [A, B]') }).optional(),
  after: instant().optional(),
  before: instant().optional(),
  never: z.boolean({ error: expecting('true or false') }).default(false),
  count: number('a count', SCENARIO_RANGES['expect.*.count']).optional(),
});

export const scenarioSchema = strict('the scenario', {
  omegaverse: version,
  title: text('a title').optional(),
  seed: number('a seed', SCENARIO_RANGES.seed).default(1),
  canon: oneOf(PRESET_NAMES, 'a canon preset').default('seeds'),
  canon_overrides: mapOf('a map of canon parameters', z.unknown()).default({}),
  clock: clock().default(0),
  places: mapOf('a map of places by id', place).refine((m) => Object.keys(m).length > 0, nonEmpty('place')),
  doors: list('a list of doors', door).default([]),
  characters: mapOf('a map of characters by id', character).refine(
    (m) => Object.keys(m).length > 0,
    nonEmpty('character'),
  ),
  relations: list('a list of relations', relation).default([]),
  timeline: list('a list of actions', action).default([]),
  roster: list('a list of roster events', rosterEvent).default([]),
  until: duration('an instant', SCENARIO_RANGES.until).optional(),
  expect: list('a list of expectations', expectation).default([]),
});

/** A scenario file that has the right shape, with durations in seconds and defaults filled in. */
export type ScenarioFile = z.output<typeof scenarioSchema>;

/**
 * Checks the shape of a parsed file. Returns zod's result, and the texts written in a form easy to
 * misread, each with how it was read (`misread`), for warnings at their lines.
 */
export function readShape(data: unknown) {
  const written = (data as { clock?: unknown } | null)?.clock;
  reading.clock = (typeof written === 'string' ? parseClock(written) : undefined) ?? 0;
  reading.misread = new Map();
  try {
    return { result: scenarioSchema.safeParse(data), misread: reading.misread };
  } finally {
    reading.clock = 0;
    reading.misread = new Map();
  }
}

/** Zod's issues as scenario errors, each at the value (or, for an unknown key, the key) it is about. */
export function schemaErrors(issues: readonly z.core.$ZodIssue[], locator: Locator): ScenarioError[] {
  return issues.flatMap((issue) => {
    const path: Path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    return readDetails(issue.message).map(({ key, ...detail }) =>
      key === undefined ? locator.at(path, detail) : locator.atKey([...path, key], detail),
    );
  });
}
