/**
 * The engine's context: the one state every system works on, the definition and canon it reads, the
 * indices that turn ids into positions, the seeded random source, and what is derived from the state
 * (rebuilt on restore, never saved). Systems are functions of this context, run in the order
 * `instant.ts` gives; nothing here is global, so many worlds run side by side.
 */
import type { Canon } from '../../canon/types.js';
import type { Schedule } from '../../model/cycle.js';
import type { RelationDef, WorldDefinition } from '../../model/definition.js';
import type { DoorLookup } from '../../model/doors.js';
import type { WorldEvent } from '../../model/events.js';
import type { Prng } from '../../units/prng.js';
import type { Representation } from '../../vocabulary/representations.js';
import type { Route } from '../../vocabulary/routes.js';
import type { AirGraph } from '../air/graph.js';
import type { WorldState } from './state.js';

export type EventListener = (event: WorldEvent) => void;

/**
 * Which drive slots need looking at, kept beside the state so that a crew of hundreds is not swept
 * pair by pair at every instant: slots that have ever held something (with their pairs' flags: what
 * volition and the decay look at), slots a `presence` rule held up this instant, and slots whose rise
 * has been logged.
 */
export interface DriveBook {
  live: Set<number>;
  sustained: number[];
  noticed: Set<number>;
}

export interface Engine {
  readonly definition: WorldDefinition;
  readonly canon: Canon;
  /** the whole mutable state: what a snapshot saves */
  readonly s: WorldState;
  readonly rng: Prng;
  /** how many characters */
  readonly n: number;
  /** how many places */
  readonly places: number;
  readonly charIndex: Map<string, number>;
  /** the declared relations by pair, a·n + b (`instinct/traits.ts`) */
  readonly relationOf: Map<number, RelationDef>;
  /** per character: what fixes their chemistry with others when no relation declares it */
  readonly signatureKeys: string[];
  readonly placeIndex: Map<string, number>;
  readonly doorIndex: Map<string, number>;
  /** the doors by place and by id, for the requirements (`actions/requirements.ts`) */
  readonly doors: DoorLookup;
  readonly volumes: Float64Array;
  readonly ventilation: Float64Array;
  readonly listeners: Set<EventListener>;
  /** the concentration under which a scent counts as gone from the air (see `traceLevel`) */
  readonly trace: number;
  /** the air as the doors are now (rebuilt when a door changes), and the door states it was built for */
  air: { graph: AirGraph; doors: string };
  /** characters × notes: what each body emits now, u/h */
  readonly bodyEmission: Float64Array;
  /** characters × notes: what reaches the air past worn gear, u/h */
  readonly airEmission: Float64Array;
  /** per character: the slot of each pair they hold, by the other (see `pairs.ts`) */
  readonly pairIndex: Map<number, number>[];
  /** per character: the slots of the pairs they hold, in the order they met */
  readonly slotsOf: number[][];
  /** pair slots × thresholds: each nose's own factors (see `pairs.ts`), fixed as pairs meet */
  readonly thresholds: number[];
  /** pair slots × notes: this instant's doses, filled by perception for the rules */
  instantDoses: Float64Array;
  /** per observer: whom they took in something of at the last perception, or still notice */
  readonly watched: Set<number>[];
  /** per observer: whom they have identified by scent */
  readonly identifiedBy: Set<number>[];
  /** the pair slots that hold any residue: what fades between instants, and what keeps a world from being still */
  readonly residueSlots: Set<number>;
  /** per place, at the last perception: who is there, and whose scent is in its air, ascending */
  present: number[][];
  /** per place, parallel to `present`: where each one's plume holds that place's air (an offset in it, or −1) */
  presentAt: number[][];
  /** per observer: whom they looked at in the last perception, in order, those pairs' slots, and whether perception put them in `watched` */
  readonly lookedAt: { who: Int32Array; slot: Int32Array; watching: Uint8Array }[];
  readonly drives: DriveBook;
  /** per character: the cycles they have by definition (a heat cycle, a rut) */
  readonly schedules: Schedule[][];
  /** working buffers, reused so that hot loops allocate nothing */
  readonly scratch: {
    /** a body's emission at a step's start, middle and end */
    course: Float64Array;
    /** the last computed dose, per note */
    dose: Float64Array;
    /** the last computed dose's total by route */
    routes: Record<Route, number>;
    /** perception's candidates: those a nose looks at from elsewhere, and them merged with those present */
    elsewhere: Int32Array;
    merged: Int32Array;
    /** perception's mark of who is in `place`'s list: those whose mark is `stamp` */
    here: { marks: Float64Array; place: number; stamp: number };
  };
}

/** The index of a character, by id. */
export function idx(w: Engine, id: string): number {
  const i = w.charIndex.get(id);
  if (i === undefined) throw new Error(`unknown character '${id}'`);
  return i;
}

/** The id of character `c`. */
export const idOf = (w: Engine, c: number): string => w.definition.characters[c]!.id;

/** The id of the place character `c` is in now. */
export function placeOf(w: Engine, c: number): string {
  return w.definition.places[w.s.place[c]!]!.id;
}

/** What character `c` truly is now (an unpresented character may present). */
export const representationOf = (w: Engine, c: number): Representation => w.s.representation[c]!;

/** The characters in place `place` now, ascending. */
export function charsIn(w: Engine, place: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < w.n; c++) if (w.s.place[c] === place) out.push(c);
  return out;
}
