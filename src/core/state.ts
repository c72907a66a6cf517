/**
 * The whole mutable state of a world, as plain JSON-able data: what a snapshot saves and a restore
 * reads. Everything else a world holds is derived from this and its definition.
 */
import type { Belief } from './beliefs.js';
import type { CycleState } from './cycle.js';
import type { DoorState, Representation } from './definition.js';
import type { WorldEvent } from './events.js';

/** A listener's nose will judge a statement at `t`. */
export interface PendingSniff {
  t: number;
  speaker: number;
  listener: number;
  /** the statement's event */
  cause: number;
  /** a `tell`'s fact, adopted by the listener unless they smell the lie */
  claim?: { about: number; value: Representation };
}

/** Something a character did that makes them take stock of what they smell on themselves. */
export interface PendingResniff {
  character: number;
  cause: number;
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
  rng: number[];
  /** per character: index of their place */
  place: number[];
  doors: DoorState[];
  wears: string[][];
  carries: string[][];
  medication: string[][];
  /** per character: index of whom they aim at, or −1 */
  aiming: number[];
  /** characters × characters, 1 where the pair share a near field (symmetric) */
  close: number[];
  /** places × characters × notes, u/m³ */
  conc: number[];
  /** characters × notes: scent held inside sealed gear, u */
  trapped: number[];
  /** observers × emitters × notes: residue on the observer of the emitter's signature, u/h */
  residue: number[];
  /** per character, 0..1 */
  agitation: number[];
  /** observers × subjects × 4 (detect, identify, heat, sour): personal threshold factors */
  thresholds: number[];
  /** observers × subjects, 1 while the subject's presence is noticed */
  detected: number[];
  /** observers × subjects: the representation last read by scent */
  identified: (Representation | null)[];
  /** observers × subjects, 1 while the subject's heat is recognised */
  heatRecognised: number[];
  /** observers × subjects */
  beliefs: (Belief | null)[];
  /** refusers × refused, 1 after a refusal */
  refusals: number[];
  /** per character: their heat cycle, or null */
  cycles: (CycleState | null)[];
  sniffs: PendingSniff[];
  resniffs: PendingResniff[];
  /** per character: ids of the latest events that changed what they smell or emit */
  exposure: number[][];
  events: WorldEvent[];
}
