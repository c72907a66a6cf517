/**
 * Emission: every character emits a signature of a few notes. Nobody steers their own output: it
 * follows representation, the heat cycle (the pre-heat ramp, heat), agitation (a sour note) and
 * medication (the masker), and worn gear decides how much of it reaches the air.
 */
import type { Canon } from '../../canon/types.js';
import type { CycleKind } from '../../model/cycle.js';
import { SECONDS_PER_HOUR } from '../../units/time.js';
import { NOTE, NOTE_COUNT } from '../../vocabulary/notes.js';
import type { Representation } from '../../vocabulary/representations.js';
import { heldSource, type Source } from '../air/source.js';
import type { Engine } from '../state/context.js';
import { representationOf } from '../state/context.js';
import { cycleNow } from './cycle.js';
import { gearProduct } from './gear.js';
import { mask, masked } from './suppressant.js';

/** What shapes a body's emission at one instant. */
export interface EmitterState {
  representation: Representation;
  /** emission multiplier from the heat cycle (1 outside it) */
  cycleEmission: number;
  /** heat-note level, a share of emission (0 outside pre-heat and heat) */
  heatNote: number;
  /** rut-note level, a share of emission (0 outside pre-rut and rut) */
  rutNote: number;
  /** 0..1 */
  agitation: number;
  /** an omega on a suppressant wears the masker */
  masked: boolean;
}

/** Writes the body's emission rate per note (u/h) into `out` at `offset`. */
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
  out[offset + NOTE.rut] = total * body.rutNote;
  out[offset + NOTE.sour] = base * body.agitation * canon.agitation.sourShare;
  if (body.masked && body.representation === 'omega') mask(canon, out, offset);
}

/** A cycle's emission numbers, heat or rut. */
function cycleShape(w: Engine, kind: CycleKind) {
  const { heat, rut } = w.canon;
  return kind === 'heat'
    ? {
        window: heat.preHeatWindow,
        preEmission: heat.preHeatEmission,
        preNote: heat.preHeatNote,
        emission: heat.heatEmission,
        note: heat.heatNote,
      }
    : {
        window: rut.preRutWindow,
        preEmission: rut.preRutEmission,
        preNote: rut.preRutNote,
        emission: rut.rutEmission,
        note: rut.rutNote,
      };
}

/** Each body's emission now, and what of it reaches the air past worn gear. */
export function computeEmissions(w: Engine): void {
  for (let i = 0; i < w.n; i++) {
    const offset = i * NOTE_COUNT;
    bodyAt(w, i, w.s.t, w.s.agitation[i]!, w.bodyEmission, offset);
    const pass = gearProduct(w, i, 'emissionPass');
    for (let k = 0; k < NOTE_COUNT; k++) w.airEmission[offset + k] = w.bodyEmission[offset + k]! * pass;
  }
}

/**
 * Writes what character `i`'s body emits (u/h per note) at instant `t` of the phase they are in now
 * (a pre-heat ramp goes on rising; phases change only at the world's instants), with `agitation`.
 */
export function bodyAt(
  w: Engine,
  i: number,
  t: number,
  agitation: number,
  out: Float64Array,
  offset: number,
): void {
  const now = cycleNow(w, i);
  let cycleEmission = 1;
  let cycleNote = 0;
  if (now) {
    const { reading } = now;
    const shape = cycleShape(w, now.schedule.kind);
    if (reading.phase === 'on') {
      cycleEmission = shape.emission;
      cycleNote = shape.note;
    } else if (reading.phase === 'pre') {
      const window = shape.window;
      const ramp = window > 0 ? Math.min(1, (t - (reading.onset - window)) / window) : 1;
      cycleEmission = 1 + (shape.preEmission - 1) * ramp;
      cycleNote = shape.preNote * ramp;
    }
  }
  const rut = now?.schedule.kind === 'rut';
  emission(
    w.canon,
    {
      representation: representationOf(w, i),
      cycleEmission,
      heatNote: rut ? 0 : cycleNote,
      rutNote: rut ? cycleNote : 0,
      agitation,
      masked: masked(w, i),
    },
    out,
    offset,
  );
}

/** What `e` puts into the air now, held. */
export function sourceNow(w: Engine, e: number): Source {
  return heldSource(w.s.place[e]!, w.airEmission.slice(e * NOTE_COUNT, (e + 1) * NOTE_COUNT));
}

/**
 * What `e` puts into the air over the next `seconds`: the body's course (a quadratic through its
 * emission at the start, middle and end: exact for the pre-heat ramp) and agitation's sour note,
 * fading with its half-life.
 */
export function sourceOver(w: Engine, e: number, seconds: number): Source {
  const hours = seconds / SECONDS_PER_HOUR;
  const course = w.scratch.course;
  bodyAt(w, e, w.s.t, 0, course, 0);
  // Only a build-up's ramp (pre-heat, pre-rut) changes a body's emission between two instants.
  if (cycleNow(w, e)?.reading.phase === 'pre') {
    bodyAt(w, e, w.s.t + seconds / 2, 0, course, NOTE_COUNT);
    bodyAt(w, e, w.s.t + seconds, 0, course, 2 * NOTE_COUNT);
  } else {
    course.copyWithin(NOTE_COUNT, 0, NOTE_COUNT);
    course.copyWithin(2 * NOTE_COUNT, 0, NOTE_COUNT);
  }
  const pass = gearProduct(w, e, 'emissionPass');
  const source: Source = {
    place: w.s.place[e]!,
    rate: new Float64Array(NOTE_COUNT),
    slope: new Float64Array(NOTE_COUNT),
    curve: new Float64Array(NOTE_COUNT),
    fading: new Float64Array(NOTE_COUNT),
    fadeRate: Math.LN2 / (w.canon.agitation.halfLife / SECONDS_PER_HOUR),
  };
  for (let k = 0; k < NOTE_COUNT; k++) {
    const start = course[k]! * pass;
    const middle = course[NOTE_COUNT + k]! * pass;
    const end = course[2 * NOTE_COUNT + k]! * pass;
    source.rate[k] = start;
    if (start !== middle || middle !== end) {
      source.curve[k] = (2 * (end - 2 * middle + start)) / (hours * hours);
      source.slope[k] = (4 * middle - 3 * start - end) / hours;
    }
    // Agitation only adds the sour note: what it adds now, fading.
    source.fading[k] = w.airEmission[e * NOTE_COUNT + k]! - start;
  }
  return source;
}
