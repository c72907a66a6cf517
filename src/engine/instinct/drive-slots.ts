/**
 * Drive levels in the pairs' `drives` column: a pair's slot × drives, one entry each. Setting an entry
 * above zero makes it live, so that volition and the decay look at it from then on.
 */
import { DRIVE, DRIVE_COUNT, type DriveName } from '../../vocabulary/drives.js';
import type { Engine } from '../state/context.js';
import { findPair, pairOf } from '../state/pairs.js';

/** Where `c`'s drive `d` toward `other` lives (their pair is made if they have not met). */
export const driveEntry = (w: Engine, c: number, other: number, d: DriveName): number =>
  pairOf(w, c, other) * DRIVE_COUNT + DRIVE[d];

/** `c`'s drive `d` toward `other` now. */
export function level(w: Engine, c: number, other: number, d: DriveName): number {
  const pair = findPair(w, c, other);
  return pair < 0 ? 0 : w.s.pairs.drives[pair * DRIVE_COUNT + DRIVE[d]]!;
}

export function setLevel(w: Engine, c: number, other: number, d: DriveName, value: number): void {
  if (!value && findPair(w, c, other) < 0) return;
  const entry = driveEntry(w, c, other, d);
  w.s.pairs.drives[entry] = value;
  if (value) w.drives.live.add(entry);
}

/** The event that last moved `c`'s drive `d` toward `other`, as a list of at most one. */
export function lastDriveEvent(w: Engine, c: number, other: number, d: DriveName): number[] {
  const pair = findPair(w, c, other);
  const id = pair < 0 ? 0 : w.s.pairs.driveEvents[pair * DRIVE_COUNT + DRIVE[d]]!;
  return id > 0 ? [id] : [];
}

/**
 * Drive entries in the order of their pairs (holder, then other) and drives: the order volition and
 * the logs go in, whatever order the pairs met in.
 */
export function inPairOrder(w: Engine, entries: Iterable<number>): number[] {
  const { holder, other } = w.s.pairs;
  const key = (entry: number) => {
    const pair = Math.floor(entry / DRIVE_COUNT);
    return (holder[pair]! * w.n + other[pair]!) * DRIVE_COUNT + (entry % DRIVE_COUNT);
  };
  return [...entries].sort((a, b) => key(a) - key(b));
}
