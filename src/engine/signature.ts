/**
 * Scent signatures. Every character emits a signature made of a few notes; the air model carries each
 * note of each emitter separately, so that a nose can tell an omega note from a beta-like masker, a
 * heat note from a sour one.
 */
import type { Canon } from '../canon/types.js';
import { NOTE, NOTE_COUNT } from '../vocabulary/notes.js';
import type { Representation } from '../vocabulary/representations.js';

/** What shapes a body's emission at one instant. */
export interface EmitterState {
  representation: Representation;
  /** emission multiplier from the heat cycle (1 outside it) */
  cycleEmission: number;
  /** heat-note level, a share of emission (0 outside pre-heat and heat) */
  heatNote: number;
  /** 0..1 */
  agitation: number;
  /** an omega on a suppressant wears the masker */
  masked: boolean;
}

/**
 * Writes the body's emission rate per note (u/h) into `out` at `offset`. Nobody steers this: it follows
 * representation, cycle, agitation and medication only.
 */
export function emission(canon: Canon, body: EmitterState, out: Float64Array, offset: number): void {
  const base = canon.representations[body.representation].emission;
  const total = base * body.cycleEmission;
  const share = canon.signature.personalShare;
  for (let k = 0; k < NOTE_COUNT; k++) out[offset + k] = 0;
  const representationNote = total * (1 - share);
  out[offset + NOTE.personal] = total * share;
  if (body.representation === 'unpresented') out[offset + NOTE.personal]! += representationNote;
  else out[offset + NOTE[body.representation]] = representationNote;
  out[offset + NOTE.heat] = total * body.heatNote;
  out[offset + NOTE.sour] = base * body.agitation * canon.agitation.sourShare;
  if (body.masked && body.representation === 'omega') {
    const mask = canon.suppressant;
    out[offset + NOTE.omega]! *= mask.omegaNoteTrace;
    out[offset + NOTE.heat]! *= mask.heatNoteTrace;
    out[offset + NOTE.beta]! += canon.representations.beta.emission * (1 - share) * mask.betaNote;
  }
}

/** The representation a nose reads from note doses, or `undefined` when no note is strong enough. */
export function readRepresentation(
  doses: ArrayLike<number>,
  offset: number,
  identifyAt: number,
  detectAt: number,
): Exclude<Representation, 'unpresented'> | undefined {
  const omega = doses[offset + NOTE.omega]!;
  const alpha = doses[offset + NOTE.alpha]!;
  const beta = doses[offset + NOTE.beta]!;
  // The omega and alpha notes are distinctive: either one, clear enough, names the representation.
  if (omega >= identifyAt && omega >= alpha) return 'omega';
  if (alpha >= identifyAt) return 'alpha';
  // A beta is recognised by a clear beta note with no hint of anything else under it.
  if (beta >= identifyAt && omega < detectAt && alpha < detectAt) return 'beta';
  return undefined;
}
