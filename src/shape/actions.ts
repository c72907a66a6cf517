/**
 * The shape of an action, as a zod schema built from the action table (`ACTION_FIELDS`): `do:` one of
 * the kinds, and that kind's fields, each of its kind, nothing else. A scenario's timeline entries are
 * this with `at` and `actor`; an action taken at run time (`world.act`) is this alone.
 */
import * as z from 'zod';
import {
  ACTION_FIELDS,
  ACTION_KINDS,
  type ActionBody,
  type ActionKind,
  type DemandBody,
  fieldKind,
} from '../vocabulary/actions.js';
import { REPRESENTATIONS } from '../vocabulary/representations.js';
import {
  didYouMean,
  type ErrorDetail,
  expecting,
  id,
  oneOf,
  readDetails,
  report,
  show,
  strict,
  text,
} from './wording.js';

export const representation = () => oneOf(REPRESENTATIONS, 'a representation');

/** The schema of one field, by the kind the action table gives it. */
function field(spec: string) {
  const { kind, optional } = fieldKind(spec);
  const schema = (() => {
    switch (kind) {
      case 'place':
        return id('a place');
      case 'door':
        return id('a door');
      case 'item':
        return id('an item');
      case 'character':
        return id('a character');
      case 'medication':
        return id('a medication');
      case 'roster-event':
        return id('a roster event');
      case 'text':
        return text('what is said');
      case 'representation':
        return representation();
      case 'flag=true':
        return z.boolean({ error: expecting('true or false') }).default(true);
      case 'flag=false':
        return z.boolean({ error: expecting('true or false') }).default(false);
      case 'demand':
        return demand;
    }
  })();
  return optional ? schema.optional() : schema;
}

/** One option of an action union: `do: kind`, the kind's fields, and `stamp` (`at`, `actor`) if given. */
function act<S extends z.core.$ZodLooseShape>(stamp: S, kind: ActionKind) {
  const fields = Object.fromEntries(
    Object.entries(ACTION_FIELDS[kind]).map(([name, spec]) => [name, field(spec)]),
  );
  return strict(`a '${kind}' action`, { ...stamp, do: z.literal(kind), ...fields });
}

/** A union of actions told apart by `do` (one of `kinds`); an unknown `do` is named with a did-you-mean. */
function actionUnion<T extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(
  what: string,
  kinds: readonly ActionKind[],
  options: T,
) {
  return z.discriminatedUnion('do', options, {
    error: (iss) => {
      if (iss.code !== 'invalid_union') return expecting(`${what} (a map)`)(iss);
      const written =
        typeof iss.input === 'object' && iss.input !== null ? (iss.input as { do?: unknown }).do : undefined;
      if (written === undefined)
        return report({ message: "missing 'do'", expected: `one of ${kinds.join(', ')}` });
      if (written === 'order' && !kinds.includes(written))
        return report({ message: 'an order cannot demand another order' });
      return report({
        message: `unknown action ${show(written)}`,
        expected: `one of ${kinds.join(', ')}`,
        hint: didYouMean(written, kinds),
      });
    },
  });
}

const DEMANDABLE = ACTION_KINDS.filter((kind) => kind !== 'order');

// The unions are built from the action table, so their types are written here, from the same table.
type Options = Parameters<typeof actionUnion>[2];

// A demand is any action but an order: read lazily, as the order's own `demand` field is built with it.
const demand = z.lazy(() => demandUnion) as unknown as z.ZodType<DemandBody>;
const demandUnion = actionUnion(
  'a demanded action',
  DEMANDABLE,
  DEMANDABLE.map((kind) => act({}, kind)) as unknown as Options,
);

/** Any action, each with the fields of `stamp` too (a timeline's `at` and `actor`). */
export function actionSchema<S extends z.core.$ZodLooseShape>(stamp: S) {
  return actionUnion(
    'an action',
    ACTION_KINDS,
    ACTION_KINDS.map((kind) => act(stamp, kind)) as unknown as Options,
  ) as unknown as z.ZodType<z.output<z.ZodObject<S>> & ActionBody>;
}

const bare = actionSchema({});

/** A problem with an action's shape, at the field it is about (`demand.item`; none: the whole action). */
export interface ShapeProblem extends ErrorDetail {
  field?: string;
}

/** An action as given at run time, with its defaults filled in, or what is wrong with its shape. */
export function readAction(
  value: unknown,
): { ok: true; action: ActionBody } | { ok: false; problems: ShapeProblem[] } {
  const read = bare.safeParse(value);
  if (read.success) return { ok: true, action: read.data };
  return {
    ok: false,
    problems: read.error.issues.flatMap((issue) =>
      readDetails(issue.message).map(({ key, ...detail }) => {
        const path = [...issue.path.map(String), ...(key === undefined ? [] : [key])];
        return path.length ? { field: path.join('.'), ...detail } : detail;
      }),
    ),
  };
}
