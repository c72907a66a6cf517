/**
 * The pairs that have met, as the state keeps them: one column per thing a character holds of
 * another, slot i of every column one pair (structure of arrays). How a world finds and adds pairs is
 * `pairs.ts`.
 */
import type { Belief } from '../../model/knowledge.js';
import { DRIVE_COUNT } from '../../vocabulary/drives.js';
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import type { Representation } from '../../vocabulary/representations.js';

/** The pairs that have met, as columns (structure of arrays): slot i of every column is one pair. */
export interface PairState {
  /** per slot: who holds it (the observer, feeler, giver…) */
  holder: number[];
  /** per slot: of whom (the subject, other, receiver…) */
  other: number[];
  /** 1 where the pair share a near field (kept for both orders) */
  close: number[];
  /** 1 while in contact after a touch (kept for both orders) */
  touching: number[];
  /** 1 while the other's presence is noticed */
  detected: number[];
  /** the representation last read by scent */
  identified: (Representation | null)[];
  /** 1 while the other's heat is recognised */
  heatRecognised: number[];
  beliefs: (Belief | null)[];
  /** 1 after the holder refused the other */
  refusals: number[];
  /** 1 after the holder consented to the other (cleared by a refusal) */
  consents: number[];
  /** id of the latest identify event (what a sustained drive rests on) */
  perceptEvents: number[];
  /** after a snarl, its instant + 1 (0: none), until aggression subsides */
  snarled: number[];
  /** 1 after a held-back aggression, until it subsides */
  resisted: number[];
  /** 1 after a longing held by self-control, 2 after one held for want of consent */
  resistedLonging: number[];
  /** 1 once the holder has smelled the other's bond */
  bondRecognised: number[];
  /** × notes: residue on the holder of the other's signature, u/h */
  residue: number[];
  /** × drives: the holder's drives toward the other */
  drives: number[];
  /** × drives: id of the event that last moved the drive */
  driveEvents: number[];
  /** × drives: 1 while a `presence` rule holds the drive up (it does not decay) */
  sustained: number[];
  /** × drives: 1 once a rising sustained drive has been logged */
  noticed: number[];
}

type Column = Exclude<keyof PairState, 'holder' | 'other'>;
export type NumberColumn = { [K in Column]: PairState[K] extends number[] ? K : never }[Column];

/** The number columns and how many numbers each holds per pair (the rest hold one value, or null). */
export const WIDTHS: Record<NumberColumn, number> = {
  close: 1,
  touching: 1,
  detected: 1,
  heatRecognised: 1,
  refusals: 1,
  consents: 1,
  perceptEvents: 1,
  snarled: 1,
  resisted: 1,
  resistedLonging: 1,
  bondRecognised: 1,
  residue: NOTE_COUNT,
  drives: DRIVE_COUNT,
  driveEvents: DRIVE_COUNT,
  sustained: DRIVE_COUNT,
  noticed: DRIVE_COUNT,
};
const NUMBER_COLUMNS = Object.entries(WIDTHS) as [NumberColumn, number][];

/** Every column's name, in the order a state (and so a snapshot) lists them. */
const COLUMNS = ['holder', 'other', 'identified', 'beliefs', ...NUMBER_COLUMNS.map(([column]) => column)];

/** No pair has met. */
export function noPairs(): PairState {
  // Made whole at once: an object given its twenty columns one by one by computed name falls into
  // V8's dictionary mode, and every column read in the hot loops becomes a hash lookup.
  return Object.fromEntries(COLUMNS.map((column) => [column, []])) as unknown as PairState;
}

/** Adds a pair with every column at its default; returns its slot (a world indexes it: `indexPair`). */
export function appendPair(pairs: PairState, holder: number, other: number): number {
  const slot = pairs.holder.length;
  pairs.holder.push(holder);
  pairs.other.push(other);
  pairs.identified.push(null);
  pairs.beliefs.push(null);
  for (const [column, width] of NUMBER_COLUMNS) for (let i = 0; i < width; i++) pairs[column].push(0);
  return slot;
}
