/** What an emitter puts into the air over a step, and the checks the air model makes of it. */
import { NOTE_COUNT } from '../../vocabulary/notes.js';

/**
 * What an emitter puts into the air over a step, per note (u/h), u hours into it:
 * rate + slope·u + curve·u² + fading·e^{−fadeRate·u}.
 */
export interface Source {
  place: number;
  rate: Float64Array;
  slope: Float64Array;
  curve: Float64Array;
  fading: Float64Array;
  /** per hour */
  fadeRate: number;
}

/** A source that puts out `rate` (u/h per note) at `place`, unchanging. */
export function heldSource(place: number, rate: Float64Array): Source {
  const zero = new Float64Array(NOTE_COUNT);
  return { place, rate, slope: zero, curve: zero, fading: zero, fadeRate: 0 };
}

/** A source that does not change over its step. */
export function constantSource(source: Source): boolean {
  for (let n = 0; n < NOTE_COUNT; n++)
    if (source.slope[n] || source.curve[n] || source.fading[n]) return false;
  return true;
}

/** Whether the source puts anything out at all over its step. */
export function hasSource(source: Source): boolean {
  for (let k = 0; k < NOTE_COUNT; k++) {
    if (source.rate[k] || source.slope[k] || source.curve[k] || source.fading[k]) return true;
  }
  return false;
}

/** The most a source puts out per note at any moment of a step of `hours`. */
export function sourceMax(source: Source, hours: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < NOTE_COUNT; k++) {
    const at = (u: number) => source.rate[k]! + source.slope[k]! * u + source.curve[k]! * u * u;
    let most = Math.max(at(0), at(hours));
    const vertex = source.curve[k] ? -source.slope[k]! / (2 * source.curve[k]!) : -1;
    if (vertex > 0 && vertex < hours) most = Math.max(most, at(vertex));
    out.push(most + Math.max(0, source.fading[k]!));
  }
  return out;
}
