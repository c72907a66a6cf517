/**
 * What an action requires of the world before anyone can do it — written once, and asked both by the
 * scenario compiler (walking a timeline in order, `scenario/compile.ts`) and by the engine (before
 * an order is obeyed). Each unmet requirement is data; `describeUnmet` words it.
 *
 * Two of them are attempts that fail where everyone can see (a move with no open way: `move` events
 * with `blocked`); the rest make an action moot or impossible.
 */
import type { Canon } from '../../canon/types.js';
import type { DoorDef } from '../../model/definition.js';
import type { DoorLookup } from '../../model/doors.js';
import type { ActionBody, ActionKind } from '../../vocabulary/actions.js';
import type { DoorState } from '../../vocabulary/doors.js';
import type { Representation } from '../../vocabulary/representations.js';
import { type Engine, idx, placeOf } from '../state/context.js';

/**
 * What the requirements ask of a world: its doors by place and by id, and the rest. `undefined`:
 * cannot be known (an order may have changed it).
 */
export interface Situation extends DoorLookup {
  gear: Canon['gear'];
  /** where a character is */
  placeOf(character: string): string | undefined;
  /** a door's state */
  doorState(door: string): DoorState | undefined;
  wears(character: string, item: string): boolean | undefined;
  carries(character: string, item: string): boolean | undefined;
  /** what a character truly is */
  representation(character: string): Representation | undefined;
}

/** Kinds of action whose target must be in the actor's place when it happens. */
export const FACE_TO_FACE: ReadonlySet<ActionKind> = new Set([
  'approach',
  'touch',
  'aim',
  'reassure',
  'submit',
  'refuse',
  'consent',
  'tell',
  'order',
  'mark',
]);

export type Unmet =
  | { why: 'target-elsewhere'; field: 'target'; target: string; there: string; here: string }
  | { why: 'already-there'; field: 'to'; here: string }
  | { why: 'no-door'; field: 'to'; here: string; to: string; exits: string[] }
  | { why: 'door-shut'; field: 'to'; here: string; to: string; door: string; state: DoorState }
  | { why: 'not-at-door'; field: 'door'; here: string; door: DoorDef }
  | { why: 'already-worn'; field: 'item'; item: string }
  | { why: 'not-carried'; field: 'item'; item: string }
  | { why: 'not-worn'; field: 'item'; item: string; carried: boolean }
  | { why: 'no-weapon'; field: null; weapons: string[] }
  | { why: 'not-a-weapon'; field: 'item'; item: string; weapons: string[] }
  | { why: 'already-presented'; field: null; representation: Representation }
  | { why: 'presents-as-unpresented'; field: 'as' }
  | { why: 'no-voice'; field: 'voice'; representation: Representation };

/** Unmet requirements that are still attempted, and fail in the log (there is no open way). */
export const attemptFails = (unmet: Unmet): boolean => unmet.why === 'no-door' || unmet.why === 'door-shut';

/** Every requirement `actor` does not meet for `body` in `situation`, in the order they are checked. */
export function unmetRequirements(situation: Situation, actor: string, body: ActionBody): Unmet[] {
  const here = situation.placeOf(actor);
  const out: Unmet[] = [];
  if (FACE_TO_FACE.has(body.do) && 'target' in body && body.target !== undefined && here !== undefined) {
    const there = situation.placeOf(body.target);
    if (there !== undefined && there !== here)
      out.push({ why: 'target-elsewhere', field: 'target', target: body.target, there, here });
  }
  const weapons = () => Object.keys(situation.gear).filter((item) => situation.gear[item]!.weapon);
  switch (body.do) {
    case 'move': {
      if (here === undefined) break;
      if (body.to === here) {
        out.push({ why: 'already-there', field: 'to', here });
        break;
      }
      const doors = situation.doorsAt(here);
      const between = doors.filter((d) => d.between.includes(body.to));
      if (between.length === 0) {
        const exits = doors.map((d) => d.between.find((p) => p !== here)!);
        out.push({ why: 'no-door', field: 'to', here, to: body.to, exits });
      } else if (!between.some((d) => (situation.doorState(d.id) ?? 'open') === 'open')) {
        const door = between[0]!;
        out.push({
          why: 'door-shut',
          field: 'to',
          here,
          to: body.to,
          door: door.id,
          state: situation.doorState(door.id)!,
        });
      }
      break;
    }
    case 'open':
    case 'close': {
      const door = situation.door(body.door);
      if (door && here !== undefined && !door.between.includes(here))
        out.push({ why: 'not-at-door', field: 'door', here, door });
      break;
    }
    case 'wear': {
      const worn = situation.wears(actor, body.item);
      if (worn === undefined) break;
      if (worn) out.push({ why: 'already-worn', field: 'item', item: body.item });
      else if (!situation.carries(actor, body.item))
        out.push({ why: 'not-carried', field: 'item', item: body.item });
      break;
    }
    case 'remove': {
      const worn = situation.wears(actor, body.item);
      if (worn === false)
        out.push({
          why: 'not-worn',
          field: 'item',
          item: body.item,
          carried: !!situation.carries(actor, body.item),
        });
      break;
    }
    case 'aim': {
      if (body.item === undefined) {
        if (!weapons().some((weapon) => situation.carries(actor, weapon)))
          out.push({ why: 'no-weapon', field: null, weapons: weapons() });
      } else if (Object.hasOwn(situation.gear, body.item)) {
        if (!situation.gear[body.item]!.weapon)
          out.push({ why: 'not-a-weapon', field: 'item', item: body.item, weapons: weapons() });
        else if (!situation.carries(actor, body.item))
          out.push({ why: 'not-carried', field: 'item', item: body.item });
      }
      break;
    }
    case 'order': {
      const now = situation.representation(actor);
      if (body.voice && now !== undefined && now !== 'alpha')
        out.push({ why: 'no-voice', field: 'voice', representation: now });
      break;
    }
    case 'present': {
      const now = situation.representation(actor);
      if (now !== undefined && now !== 'unpresented')
        out.push({ why: 'already-presented', field: null, representation: now });
      if (body.as === 'unpresented') out.push({ why: 'presents-as-unpresented', field: 'as' });
      break;
    }
    default:
      break;
  }
  return out;
}

/**
 * How an unmet requirement is worded: who (a display name), which character (id), and when; `play`
 * when the action is taken at run time, where a hint says what to do first rather than what to add to
 * the file.
 */
export interface Wording {
  who: string;
  actor: string;
  when: string;
  kind: ActionKind;
  name(character: string): string;
  play?: boolean;
}

/** How a message says "to do this kind of action to someone", where the kind alone reads wrong. */
const VERB_WITH_OBJECT: Partial<Record<ActionKind, string>> = {
  aim: 'aim at',
  submit: 'submit to',
  say: 'speak to',
  withdraw: 'withdraw from',
  'request-leave': 'request leave from',
};

/** "aim at", "submit to", or the kind itself. */
export const verbFor = (kind: ActionKind) => VERB_WITH_OBJECT[kind] ?? kind;

const listing = (values: readonly string[]) => values.join(', ');

/** The message, and what would mend it, for an unmet requirement. */
export function describeUnmet(
  unmet: Unmet,
  { who, actor, when, kind, name, play }: Wording,
): { message: string; expected?: string; hint?: string } {
  switch (unmet.why) {
    case 'target-elsewhere':
      return {
        message: `${name(unmet.target)} is in the ${unmet.there} at ${when}, not in the ${unmet.here}`,
        hint: `${who} can only ${verbFor(kind)} someone in the same place`,
      };
    case 'already-there':
      return { message: `${who} is already in the ${unmet.here} at ${when}` };
    case 'no-door':
      return {
        message: `${who} cannot move from the ${unmet.here} to the ${unmet.to} at ${when}: no door joins them`,
        hint:
          unmet.exits.length > 0
            ? `from ${unmet.here}, doors lead to: ${listing(unmet.exits)}`
            : play
              ? `no door leads out of the ${unmet.here}`
              : `add a door under doors: { id: …, between: [${unmet.here}, ${unmet.to}] }`,
      };
    case 'door-shut':
      return {
        message: `${who} cannot move from the ${unmet.here} to the ${unmet.to} at ${when}: ${unmet.door} is ${unmet.state}`,
        hint: play
          ? `open ${unmet.door} first: { do: open, door: ${unmet.door} }`
          : `add { at: "${when}", actor: ${actor}, do: open, door: ${unmet.door} } before it`,
      };
    case 'not-at-door':
      return {
        message: `${who} is in the ${unmet.here} at ${when}, and ${unmet.door.id} joins the ${unmet.door.between[0]} and the ${unmet.door.between[1]}`,
        hint: `move ${actor} next to the door first`,
      };
    case 'already-worn':
      return { message: `${who} already wears the ${unmet.item} at ${when}` };
    case 'not-carried':
      return {
        message: `${who} does not carry a ${unmet.item} at ${when}`,
        ...(!play && { hint: `add it to characters.${actor}.carries` }),
      };
    case 'not-worn':
      return {
        message: `${who} does not wear a ${unmet.item} at ${when}`,
        ...((unmet.carried || !play) && {
          hint: unmet.carried ? 'it is carried: wear it first' : `add it to characters.${actor}.wears`,
        }),
      };
    case 'no-weapon':
      return {
        message: `${who} carries no weapon at ${when}`,
        ...(!play && { hint: `add a weapon (${listing(unmet.weapons)}) to characters.${actor}.carries` }),
      };
    case 'not-a-weapon':
      return { message: `a ${unmet.item} is not a weapon`, expected: `a weapon (${listing(unmet.weapons)})` };
    case 'already-presented':
      return {
        message: `${who} has presented already at ${when}: ${who} is ${unmet.representation === 'alpha' || unmet.representation === 'omega' ? `an ${unmet.representation}` : `a ${unmet.representation}`}`,
        hint: 'only an unpresented character presents, once',
      };
    case 'no-voice':
      return {
        message: `${who} is ${unmet.representation === 'omega' ? 'an omega' : unmet.representation === 'beta' ? 'a beta' : 'unpresented'}: only an alpha has the command voice`,
        hint: 'give the order without voice: true',
      };
    case 'presents-as-unpresented':
      return { message: 'one presents as an alpha, a beta or an omega', expected: 'alpha, beta or omega' };
  }
}

/** The world as the requirements see it now. */
export function situationOf(w: Engine): Situation {
  return {
    ...w.doors,
    gear: w.canon.gear,
    placeOf: (id) => placeOf(w, idx(w, id)),
    doorState: (id) => w.s.doors[w.doorIndex.get(id)!],
    wears: (id, item) => w.s.wears[idx(w, id)]!.includes(item),
    carries: (id, item) => w.s.carries[idx(w, id)]!.includes(item),
    representation: (id) => w.s.representation[idx(w, id)],
  };
}

/**
 * Whether `actor` could do `body` now: an order to remove what is not worn, or to go where one is, is
 * moot. An attempt that fails where everyone can see (no open way) is still possible.
 */
export function possible(w: Engine, actor: number, body: ActionBody): boolean {
  return unmetRequirements(situationOf(w), w.definition.characters[actor]!.id, body).every(attemptFails);
}
