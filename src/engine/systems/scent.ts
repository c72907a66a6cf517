/**
 * Scent in the air, as the world keeps it: the air graph as the doors are now, each emitter's plume
 * advanced exactly between instants, and each plume's book — whether it has settled under one source,
 * and where it may reach until it does — so the world knows whom a scent could reach without computing
 * it (see `PlumeBook`).
 */
import type { Canon } from '../../canon/types.js';
import { SECONDS_PER_HOUR } from '../../units/time.js';
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import { type AirFlow, type AirGraph, airGraph } from '../air/graph.js';
import { advancePlume, plumeAt, reachOf } from '../air/plume.js';
import { constantSource, hasSource, heldSource, type Source, sourceMax } from '../air/source.js';
import type { Engine } from '../state/context.js';
import type { PlumeBook } from '../state/state.js';
import { cycleNow } from './cycle.js';
import { sourceNow, sourceOver } from './emission.js';

/**
 * The concentration under which a scent counts as gone from the air: `perception.trace` of the
 * keenest nose's detection level.
 */
export function traceLevel(canon: Canon): number {
  let keenest = 0;
  for (const r of Object.values(canon.representations)) keenest = Math.max(keenest, r.sensitivity);
  return (canon.perception.trace * canon.perception.detect) / Math.max(keenest, 1e-9);
}

/** The air graph for the doors as they are in `w`'s state. */
export function doorGraph(w: Engine): AirGraph {
  const air = w.canon.air;
  const flows: AirFlow[] = w.definition.doors.map((door, i) => {
    const state = w.s.doors[i]!;
    const flow =
      state === 'open' ? air.openDoorFlow : state === 'closed' ? air.closedDoorFlow : air.sealedDoorFlow;
    return { a: w.placeIndex.get(door.between[0])!, b: w.placeIndex.get(door.between[1])!, flow };
  });
  return airGraph(w.volumes, w.ventilation, flows);
}

/** The air as the doors are now. A door that changed unsettles every plume: its reach is unknown. */
export function airNow(w: Engine): AirGraph {
  const doors = w.s.doors.join(',');
  if (doors !== w.air.doors) {
    w.air.graph = doorGraph(w);
    w.air.doors = doors;
    for (const book of w.s.plumeBooks) unsettle(book);
  }
  return w.air.graph;
}

/** Forgets what was known of a plume's course: where it may reach is unknown until it settles. */
export function unsettle(book: PlumeBook): void {
  book.steady = null;
  book.held = 0;
  book.envelope = null;
  book.reach = null;
}

/** How long a plume must stay under one source to have settled (e^{−40}: nothing left to change). */
function settleTime(graph: AirGraph): number {
  return graph.slowest > 0 ? (40 / graph.slowest) * SECONDS_PER_HOUR : Number.POSITIVE_INFINITY;
}

/** Whether the plume has been under a constant source at `place` with these `rate`s (from `offset`). */
function heldUnder(book: PlumeBook, place: number, rate: ArrayLike<number>, offset = 0): boolean {
  const steady = book.steady;
  if (!steady || steady.place !== place) return false;
  for (let k = 0; k < NOTE_COUNT; k++) if (steady.rate[k] !== rate[offset + k]) return false;
  return true;
}

/** The same constant source the plume has been under. */
const sameSteadySource = (book: PlumeBook, source: Source): boolean =>
  constantSource(source) && heldUnder(book, source.place, source.rate);

/**
 * Advances every plume by `seconds`, exactly; `as-now` holds everyone's emission as it is now (the
 * settled past before the start).
 */
export function elapseAir(w: Engine, seconds: number, course: 'ahead' | 'as-now'): void {
  const graph = airNow(w);
  const hours = seconds / SECONDS_PER_HOUR;
  const settle = settleTime(graph);
  for (let e = 0; e < w.n; e++) {
    const book = w.s.plumeBooks[e]!;
    // A settled plume under the same source does not change: only how long it has held grows. Most
    // are seen to be so without building their source.
    const settled = book.held >= settle;
    if (settled && holdsAsNow(w, e, book) && (course === 'as-now' || steadyAhead(w, e))) {
      book.held += seconds;
      continue;
    }
    const source = course === 'ahead' ? sourceOver(w, e, seconds) : sourceNow(w, e);
    if (settled && sameSteadySource(book, source)) {
      book.held += seconds;
      continue;
    }
    // Any other plume is kept wherever it may yet build up past the trace: its reach, widened to
    // this step's source first.
    widenReach(w, e, source, seconds, graph);
    w.s.plumes[e] = advancePlume(graph, w.s.plumes[e]!, source, hours, w.trace, book.reach);
    recordSource(w, e, source, seconds, graph);
  }
}

/** Whether `e` emits now, where they are, exactly the constant source their plume has held. */
const holdsAsNow = (w: Engine, e: number, book: PlumeBook): boolean =>
  heldUnder(book, w.s.place[e]!, w.airEmission, e * NOTE_COUNT);

/**
 * Whether `e`'s emission over the next step is what it is now (`sourceOver` is then the held source):
 * no build-up's ramp, no agitation fading.
 */
function steadyAhead(w: Engine, e: number): boolean {
  return w.s.agitation[e] === 0 && cycleNow(w, e)?.reading.phase !== 'pre';
}

/**
 * Puts every scent at its steady state under everyone's emission as it is now (the start of a settled
 * scene), solved directly: each plume is then settled, and is not worked on again while its source
 * holds. A scent whose air never clears (no ventilation anywhere it can drift) has no steady state: it
 * starts from clean air and builds from the start.
 */
export function settleAir(w: Engine): void {
  const graph = airNow(w);
  const settle = settleTime(graph);
  for (let e = 0; e < w.n; e++) {
    const source = sourceNow(w, e);
    if (!hasSource(source) || !airClears(graph, source.place)) continue;
    const steady = advancePlume(graph, { places: [], conc: [] }, source, 1, w.trace, [], 'settled');
    w.s.plumes[e] = steady;
    // The plume is the steady state of its source: it stays under it, where it is, while it holds.
    w.s.plumeBooks[e] = {
      steady: { place: source.place, rate: Array.from(source.rate) },
      held: Number.isFinite(settle) ? settle : 0,
      envelope: [{ place: source.place, rate: Array.from(source.rate) }],
      reach: [...new Set([...steady.places, source.place])].sort((a, b) => a - b),
    };
  }
}

/** Whether air from `place` ever clears: some place it can drift to (or itself) is ventilated. */
function airClears(graph: AirGraph, place: number): boolean {
  const seen = new Set([place]);
  const queue = [place];
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i]!;
    if (graph.ventilation[p]! > 0) return true;
    for (const q of graph.links[p]!) {
      if (!seen.has(q)) {
        seen.add(q);
        queue.push(q);
      }
    }
  }
  return false;
}

/**
 * Keeps `e`'s book after a step under `source`: how long the plume has held one source (settled after
 * `settleTime`, when its reach is where it is).
 */
function recordSource(w: Engine, e: number, source: Source, seconds: number, graph: AirGraph): void {
  const book = w.s.plumeBooks[e]!;
  if (sameSteadySource(book, source)) book.held += seconds;
  else if (constantSource(source)) {
    book.steady = { place: source.place, rate: Array.from(source.rate) };
    book.held = seconds;
  } else {
    book.steady = null;
    book.held = 0;
  }
  if (book.steady && book.held >= settleTime(graph)) {
    // Settled: the plume is its own steady state, and stays where it is.
    book.envelope = [{ place: book.steady.place, rate: [...book.steady.rate] }];
    const plume = w.s.plumes[e]!;
    book.reach = [...new Set([...plume.places, book.steady.place])].sort((a, b) => a - b);
  }
}

/** Widens `e`'s envelope to cover `source` over the next `seconds`, and their reach with it. */
function widenReach(w: Engine, e: number, source: Source, seconds: number, graph: AirGraph): void {
  const book = w.s.plumeBooks[e]!;
  if (!book.envelope) return;
  const most = sourceMax(source, seconds / SECONDS_PER_HOUR);
  let entry = book.envelope.find((x) => x.place === source.place);
  let grew = false;
  if (!entry) {
    entry = { place: source.place, rate: new Array<number>(NOTE_COUNT).fill(0) };
    book.envelope.push(entry);
    grew = true;
  }
  for (let k = 0; k < NOTE_COUNT; k++) {
    if (most[k]! > entry.rate[k]!) {
      entry.rate[k] = most[k]!;
      grew = true;
    }
  }
  if (!grew) return;
  const settle = settleTime(graph);
  if (!Number.isFinite(settle)) {
    book.envelope = null;
    book.reach = null;
    return;
  }
  const sources = book.envelope.map((x) => heldSource(x.place, Float64Array.from(x.rate)));
  book.reach = reachOf(graph, sources, settle / SECONDS_PER_HOUR, w.trace);
}

/**
 * Whether every plume has settled under the source it is under now, which holds: the air will not
 * change until something does.
 */
export function airSettled(w: Engine): boolean {
  const settle = settleTime(airNow(w));
  for (let e = 0; e < w.n; e++) {
    const book = w.s.plumeBooks[e]!;
    if (book.held < settle || !holdsAsNow(w, e, book)) return false;
  }
  return true;
}

/** Whether anyone's scent may reach someone else's place over the next `seconds`. */
export function withinReach(w: Engine, seconds: number): boolean {
  const graph = airNow(w);
  const occupants = new Int32Array(w.places);
  for (const place of w.s.place) occupants[place]!++;
  for (let e = 0; e < w.n; e++) {
    widenReach(w, e, sourceOver(w, e, seconds), seconds, graph);
    const reach = w.s.plumeBooks[e]!.reach;
    if (reach === null) {
      if (w.n > 1) return true;
      continue;
    }
    const here = w.s.place[e]!;
    for (const p of reach) if (occupants[p]! - (p === here ? 1 : 0) > 0) return true;
  }
  return false;
}

/** `e`'s scent in place `p` now, all notes together, u/m³. */
export function scentAt(w: Engine, e: number, p: number): number {
  const plume = w.s.plumes[e]!;
  const at = plumeAt(plume, p);
  let sum = 0;
  if (at >= 0) for (let k = 0; k < NOTE_COUNT; k++) sum += plume.conc[at + k]!;
  return sum;
}
