/**
 * Drive levels in the state's `drives` array: characters × others × drives, one slot each. Setting a
 * slot above zero makes it live, so that volition and the decay look at it from then on.
 */
import { DRIVE, DRIVE_COUNT, type DriveName } from '../../vocabulary/drives.js';
import type { Engine } from '../state/context.js';

/** Where `c`'s drive `d` toward `other` lives. */
export const slotOf = (w: Engine, c: number, other: number, d: DriveName): number =>
  (c * w.n + other) * DRIVE_COUNT + DRIVE[d];

/** `c`'s drive `d` toward `other` now. */
export const level = (w: Engine, c: number, other: number, d: DriveName): number =>
  w.s.drives[slotOf(w, c, other, d)]!;

export function setLevel(w: Engine, c: number, other: number, d: DriveName, value: number): void {
  const slot = slotOf(w, c, other, d);
  w.s.drives[slot] = value;
  if (value) w.drives.live.add(slot);
}

/** The event that last moved `c`'s drive `d` toward `other`, as a list of at most one. */
export function lastDriveEvent(w: Engine, c: number, other: number, d: DriveName): number[] {
  const id = w.s.driveEvents[slotOf(w, c, other, d)]!;
  return id > 0 ? [id] : [];
}
