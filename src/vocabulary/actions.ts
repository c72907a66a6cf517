/**
 * The kinds of action a timeline (or, at run time, a player) can take, and the fields each takes. This
 * table is the one place an action's shape is written: the scenario schema, the compiler's reference
 * checks, the `ActionBody` type and the docs test all read it.
 */
import type { Representation } from './representations.js';

/**
 * What a field holds: the id of a place, door, item, character, medication or roster event; free
 * text; a flag (`flag=true`: true when left out); a representation; or, for an order, the demanded
 * action. A trailing `?` makes the field optional.
 */
export type FieldKind =
  | 'place'
  | 'door'
  | 'item'
  | 'character'
  | 'medication'
  | 'roster-event'
  | 'text'
  | 'flag=true'
  | 'flag=false'
  | 'representation'
  | 'demand';

type FieldSpec = FieldKind | `${FieldKind}?`;

/** Every action kind and its fields. `target` always names someone other than the actor. */
export const ACTION_FIELDS = {
  move: { to: 'place' },
  open: { door: 'door' },
  close: { door: 'door' },
  wear: { item: 'item' },
  remove: { item: 'item' },
  approach: { target: 'character' },
  withdraw: { target: 'character?' },
  touch: { target: 'character' },
  aim: { target: 'character', item: 'item?' },
  lower: { item: 'item?' },
  order: { target: 'character', demand: 'demand', voice: 'flag=false', text: 'text?' },
  say: { text: 'text', truthful: 'flag=true', target: 'character?' },
  tell: { target: 'character', about: 'character', value: 'representation' },
  refuse: { target: 'character', text: 'text?' },
  consent: { target: 'character' },
  submit: { target: 'character?' },
  reassure: { target: 'character' },
  shower: {},
  take: { medication: 'medication' },
  stop: { medication: 'medication' },
  mark: { target: 'character' },
  'request-leave': { target: 'character?', event: 'roster-event?' },
  present: { as: 'representation' },
} as const satisfies Record<string, Record<string, FieldSpec>>;

export type ActionKind = keyof typeof ACTION_FIELDS;

/** In the order the table gives them. */
export const ACTION_KINDS = Object.keys(ACTION_FIELDS) as ActionKind[];

/**
 * Old spellings still read, each with a deprecation warning that names its line: the field as it was
 * written then, and the field it is now.
 */
export const RENAMED_FIELDS: Partial<Record<ActionKind, Record<string, string>>> = {
  say: { to: 'target' },
  take: { item: 'medication' },
  stop: { item: 'medication' },
};

/**
 * Demands no order can carry, and why: giving or withholding consent, a mark (which needs it), and
 * presenting, which a body does, not a will.
 */
export const UNORDERABLE: Readonly<Partial<Record<ActionKind, string>>> = {
  consent: 'consent cannot be ordered',
  refuse: 'consent cannot be ordered',
  mark: 'consent cannot be ordered',
  present: 'presenting is the body’s own doing',
};

/** A field's kind and whether it may be left out. */
export function fieldKind(spec: string): { kind: FieldKind; optional: boolean } {
  const optional = spec.endsWith('?');
  return { kind: (optional ? spec.slice(0, -1) : spec) as FieldKind, optional };
}

type Value<F> = F extends `flag${string}`
  ? boolean
  : F extends 'representation'
    ? Representation
    : F extends 'demand'
      ? DemandBody
      : string;
type Spec = Record<string, string>;
type RequiredFields<S extends Spec> = {
  [P in keyof S as S[P] extends `${string}?` ? never : P]: Value<S[P]>;
};
type OptionalFields<S extends Spec> = {
  [P in keyof S as S[P] extends `${string}?` ? P : never]?: S[P] extends `${infer F}?` ? Value<F> : never;
};
type Flatten<T> = { [P in keyof T]: T[P] };
type BodyOf<K extends ActionKind> = Flatten<
  { do: K } & RequiredFields<(typeof ACTION_FIELDS)[K]> & OptionalFields<(typeof ACTION_FIELDS)[K]>
>;

/** An action as written in a timeline, without its time and actor: `{ do: 'move', to: 'medbay' }`. */
export type ActionBody = { [K in ActionKind]: BodyOf<K> }[ActionKind];

/** What an order may demand: any action but another order. */
export type DemandBody = Exclude<ActionBody, { do: 'order' }>;
