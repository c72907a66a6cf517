/**
 * Sealed gear: a sealed helmet blocks scent both ways. What the wearer's body emits and the seal
 * blocks is held inside (time constant `gear.*.trapTime`) and released into the room at once when the
 * item comes off; what the room holds barely reaches the wearer's nose (`intakePass`, in `dose.ts`).
 */
import { SECONDS_PER_HOUR } from '../../units/time.js';
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import { addToPlume } from '../air/plume.js';
import type { Engine } from '../state/context.js';
import { trapTime } from './gear.js';
import { unsettle } from './scent.js';

/** Scent held inside each wearer's seal over `hours`: dT/dt = blocked − T/τ, solved exactly. */
export function elapseTrapped(w: Engine, hours: number): void {
  for (let c = 0; c < w.n; c++) {
    const tau = trapTime(w, c) / SECONDS_PER_HOUR;
    const offset = c * NOTE_COUNT;
    for (let k = 0; k < NOTE_COUNT; k++) {
      const held = w.s.trapped[offset + k]!;
      if (tau > 0) {
        const blocked = w.bodyEmission[offset + k]! - w.airEmission[offset + k]!;
        const keep = Math.exp(-hours / tau);
        w.s.trapped[offset + k] = held * keep + blocked * tau * (1 - keep);
      } else if (held !== 0) w.s.trapped[offset + k] = 0;
    }
  }
}

/** Scent held inside each wearer's seal as it stands after long enough: blocked · τ. */
export function settleTrapped(w: Engine): void {
  for (let c = 0; c < w.n; c++) {
    const tau = trapTime(w, c) / SECONDS_PER_HOUR;
    const offset = c * NOTE_COUNT;
    for (let k = 0; k < NOTE_COUNT; k++) {
      const blocked = w.bodyEmission[offset + k]! - w.airEmission[offset + k]!;
      w.s.trapped[offset + k] = tau > 0 ? blocked * tau : 0;
    }
  }
}

/** Lets out at once what `c`'s seal held, into the room they are in; returns how much (u). */
export function releaseTrapped(w: Engine, c: number): number {
  const place = w.s.place[c]!;
  const volume = w.volumes[place]!;
  let released = 0;
  const added = new Float64Array(NOTE_COUNT);
  for (let k = 0; k < NOTE_COUNT; k++) {
    const held = w.s.trapped[c * NOTE_COUNT + k]!;
    added[k] = held / volume;
    released += held;
    w.s.trapped[c * NOTE_COUNT + k] = 0;
  }
  if (released > 0) {
    addToPlume(w.s.plumes[c]!, place, added);
    // Scent let out at once is under no steady plume: where it goes is unknown until it settles.
    unsettle(w.s.plumeBooks[c]!);
  }
  return released;
}
