/**
 * What one character holds of another — closeness, percepts, beliefs, consent, drives, residue — kept
 * only for the pairs that have met: a pair gets a slot the first time anything of it is written (or a
 * nose takes in something of the other), and every pair column is read at that slot. A pair without a
 * slot reads as its defaults, so a crew of thousands costs what its meetings cost, not its square.
 * Each nose's personal thresholds are not drawn until a pair meets, and then by the seed and the two
 * ids, whatever else the run draws (`indexPair`).
 */
import { hashNormal } from '../../units/hash-random.js';
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import { THRESHOLDS } from '../../vocabulary/thresholds.js';
import type { Engine } from './context.js';
import { appendPair, type NumberColumn, WIDTHS } from './pair-table.js';

/** The slot of `holder`'s pair with `other`, or −1 if they have not met. */
export function findPair(w: Engine, holder: number, other: number): number {
  return w.pairIndex[holder]!.get(other) ?? -1;
}

/** The slot of `holder`'s pair with `other`, made now if they have not met. */
export function pairOf(w: Engine, holder: number, other: number): number {
  const slot = w.pairIndex[holder]!.get(other);
  return slot === undefined ? addPair(w, holder, other) : slot;
}

function addPair(w: Engine, holder: number, other: number): number {
  const slot = appendPair(w.s.pairs, holder, other);
  indexPair(w, slot);
  return slot;
}

/**
 * Indexes a pair's slot, and fixes its holder's personal thresholds for the other: log-normal around
 * 1, by the seed and the two ids (not by the run's draws), so adding a character moves nobody else's.
 */
export function indexPair(w: Engine, slot: number): void {
  const holder = w.s.pairs.holder[slot]!;
  const other = w.s.pairs.other[slot]!;
  w.pairIndex[holder]!.set(other, slot);
  w.slotsOf[holder]!.push(slot);
  const noise = w.canon.perception.thresholdNoise;
  const ids = `${w.definition.characters[holder]!.id}>${w.definition.characters[other]!.id}`;
  for (const name of THRESHOLDS) {
    w.thresholds.push(Math.exp(noise * hashNormal(w.definition.seed, `threshold ${name} ${ids}`)));
  }
  const needed = (slot + 1) * NOTE_COUNT;
  if (w.instantDoses.length < needed) {
    const grown = new Float64Array(Math.max(needed, 2 * w.instantDoses.length));
    grown.set(w.instantDoses);
    w.instantDoses = grown;
  }
}

/** A column's value for `holder` and `other` (its default if they have not met). */
export function pairValue(w: Engine, column: NumberColumn, holder: number, other: number): number {
  const slot = findPair(w, holder, other);
  return slot < 0 ? 0 : w.s.pairs[column][slot * WIDTHS[column]]!;
}
