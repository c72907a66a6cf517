/**
 * The whole mutable state of a world, as plain JSON-able data: what a snapshot saves and a restore
 * reads. Everything else a world holds is derived from this and its definition.
 */

import { masks } from '../../canon/index.js';
import {
  type CycleKind,
  type CycleState,
  cycleKindOf,
  initialCycle,
  schedulesOf,
} from '../../model/cycle.js';
import type { Action, CharacterDef, RosterEventDef, WorldDefinition } from '../../model/definition.js';
import type { WorldEvent } from '../../model/events.js';
import { hashNormal } from '../../units/hash-random.js';
import { Prng } from '../../units/prng.js';
import type { ActionBody } from '../../vocabulary/actions.js';
import type { DoorState } from '../../vocabulary/doors.js';
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import type { Representation } from '../../vocabulary/representations.js';
import type { Plume } from '../air/plume.js';
import { appendPair, noPairs, type PairState } from './pair-table.js';

/**
 * Whether an emitter's plume has settled, and where it may reach until it does. A plume under the same
 * source long enough (forty times the slowest air change: see `scent.ts`) is its steady state: it stops
 * changing. Until then it stays under the steady plume of the most each place has received since it
 * last settled (a positive linear system never overshoots the steady state of a larger source), so the
 * world knows whom it could reach without computing it.
 */
export interface PlumeBook {
  /** the constant source (place, u/h per note) the plume has been under for `held` seconds, or null */
  steady: { place: number; rate: number[] } | null;
  held: number;
  /** the most each place has put into the plume since it last settled, or null: unknown */
  envelope: { place: number; rate: number[] }[] | null;
  /** the places the plume may reach above the trace before it settles, or null: anywhere */
  reach: number[] | null;
}

/** A listener's nose will judge a statement at `t`. */
export interface PendingSniff {
  t: number;
  speaker: number;
  listener: number;
  /** the statement's event */
  cause: number;
  /** whether the speaker lied: an undetected lie is not sensed as the truth */
  lie: boolean;
  /** a `tell`'s fact, adopted by the listener unless they smell the lie */
  claim?: { about: number; value: Representation };
}

/** Something a character did that makes them take stock of what they smell on themselves. */
export interface PendingResniff {
  character: number;
  cause: number;
}

/** An order that has not been obeyed yet. */
export interface PendingOrder {
  /** the order's event */
  event: number;
  giver: number;
  receiver: number;
  demand: ActionBody;
  /** when it was given */
  t: number;
  /** this order's share of chance, drawn once */
  noise: number;
  /** given in the command voice */
  voice: boolean;
  defied: boolean;
}

export interface WorldState {
  /** seconds from the start */
  t: number;
  /** whether instant `t` has been processed (actions, body, perception) */
  processed: boolean;
  /** whether the start's bookkeeping (records, bodies already in a phase) has run */
  started: boolean;
  /** index of the next scripted action */
  nextAction: number;
  /**
   * Actions taken at run time (`World.act`), in the order taken, each to happen at its `at`, and the
   * index of the next to happen. Absent until the first: a world nobody played is saved as before.
   */
  played?: { actions: Action[]; next: number };
  rng: number[];
  /** per character: index of their place */
  place: number[];
  /** per character: their true representation now (an unpresented character may present) */
  representation: Representation[];
  doors: DoorState[];
  wears: string[][];
  carries: string[][];
  medication: string[][];
  /** per character: index of whom they aim at, or −1 */
  aiming: number[];
  /** what each character holds of each other they have met (see `pairs.ts`) */
  pairs: PairState;
  /** per emitter: their scent in the air, where it is above the trace */
  plumes: Plume[];
  /** per emitter: what is known of how their plume is changing (see PlumeBook) */
  plumeBooks: PlumeBook[];
  /** characters × notes: scent held inside sealed gear, u */
  trapped: number[];
  /** per character, 0..1 */
  agitation: number[];
  /** per character: their heat cycle, or null */
  cycles: (CycleState | null)[];
  /** per character: habituation to the other representations' scents, 0..1 */
  habituation: number[];
  /** per character: self-control threshold, with the character's drawn noise */
  selfControl: number[];
  /** per character: who restrains them, or −1 */
  restrainedBy: number[];
  /** per character: when they last shivered */
  lastShiver: number[];
  /** per character: their bonded partner, or −1 */
  bondedTo: number[];
  /** per character: since when they have been apart from their mate, or null (together, or unbonded) */
  apartSince: (number | null)[];
  /** per character: how far their separation from their mate has gone (0 none, 1 restless, 2 aching, 3 unwell) */
  separation: number[];
  /** who notices whose scent on whom, at close range: `observer,carrier,emitter` (see `perception.ts`) */
  carried: string[];
  orders: PendingOrder[];
  /** the roster as it stands: events moved by a reschedule */
  roster: RosterEventDef[];
  /** reminders still to come: a character's own forecast, some hours before a window opens */
  reminders: { t: number; character: number; kind: CycleKind; center: number; from: number; to: number }[];
  /** the previous processed instant, for sustained drives and habituation */
  lastInstant: number;
  sniffs: PendingSniff[];
  resniffs: PendingResniff[];
  /** per character: ids of the latest events that changed what they smell or emit */
  exposure: number[][];
  events: WorldEvent[];
}

/** The state of a new world at the scenario's start: everyone where the scenario puts them. */
export function initialState(def: WorldDefinition): WorldState {
  const n = def.characters.length;
  const places = new Map(def.places.map((p, i) => [p.id, i]));
  const masked = (c: CharacterDef) => c.medication.some((m) => masks(def.canon, m.name));
  // Each character's self-control threshold, with their own noise: fixed by the seed and their id.
  const instinct = def.canon.instinct;
  const selfControl = def.characters.map(
    (c) =>
      instinct.selfControl.base +
      instinct.selfControl.scale * c.selfControl +
      instinct.selfControl.noise * hashNormal(def.seed, `self-control ${c.id}`),
  );
  const habit = instinct.habituation;
  const habituation = def.characters.map(
    (c) =>
      c.habituation ??
      (c.age === undefined
        ? habit.max / 2
        : Math.min(habit.max, Math.max(0, (c.age - habit.startAge) * habit.perYear))),
  );
  const none = (size: number, value = 0) => new Array<number>(size).fill(value);
  const index = new Map(def.characters.map((c, i) => [c.id, i]));
  const bondedTo = def.characters.map(() => -1);
  // A bond is mutual, whichever side the scenario declares it on.
  def.characters.forEach((c, i) => {
    if (c.bondedTo === undefined) return;
    const mate = index.get(c.bondedTo)!;
    bondedTo[i] = mate;
    bondedTo[mate] = i;
  });
  // A consented bond carries standing consent between the two (withdrawn by a `refuse`).
  const pairs = noPairs();
  bondedTo.forEach((mate, c) => {
    if (mate >= 0) pairs.consents[appendPair(pairs, c, mate)] = 1;
  });
  return {
    t: 0,
    processed: false,
    started: false,
    nextAction: 0,
    rng: Prng.fromSeed(def.seed).state(),
    place: def.characters.map((c) => places.get(c.at)!),
    representation: def.characters.map((c) => c.representation),
    doors: def.doors.map((d) => d.state),
    wears: def.characters.map((c) => [...c.wears]),
    carries: def.characters.map((c) => [...c.carries]),
    medication: def.characters.map((c) => c.medication.map((m) => m.name)),
    aiming: def.characters.map(() => -1),
    pairs,
    plumes: def.characters.map(() => ({ places: [], conc: [] })),
    // An empty plume is under the steady plume of any source: its reach is known from its first step.
    plumeBooks: def.characters.map(() => ({ steady: null, held: 0, envelope: [], reach: [] })),
    trapped: new Array(n * NOTE_COUNT).fill(0),
    agitation: new Array(n).fill(0),
    cycles: def.characters.map((c) => {
      // The body lives the cycle of what it is: heats for an omega, ruts for an alpha.
      const kind = cycleKindOf(c.representation);
      const schedule = schedulesOf(c, def.seed).find((s) => s.kind === kind);
      return schedule ? initialCycle(schedule, def.canon, masked(c)) : null;
    }),
    sniffs: [],
    resniffs: [],
    exposure: def.characters.map(() => []),
    habituation,
    selfControl,
    restrainedBy: none(n, -1),
    lastShiver: none(n, Number.MIN_SAFE_INTEGER),
    bondedTo,
    apartSince: bondedTo.map(() => null),
    separation: none(n),
    carried: [],
    orders: [],
    roster: def.roster.map((r) => ({ ...r, participants: [...r.participants] })),
    reminders: [],
    lastInstant: 0,
    events: [],
  };
}
