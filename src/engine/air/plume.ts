/**
 * Each emitter's scent is a *plume*: the places where it is above the trace level (canon
 * `perception.trace`, far under anything a nose can detect), with a concentration per note. A plume is
 * advanced on its own region (its places, its source's place, and their neighbours; the air beyond
 * holds none of it), growing the region whenever a neighbour rises past the trace, so the work is
 * proportional to where the scent is, not to the size of the ship.
 *
 * Over a step the source follows its body: a quadratic in time (the pre-heat ramp) plus a fading term
 * (agitation's sour note). Both are carried by extra states of one linear system M, the same for every
 * note. Its exponential is taken by whichever method of `kernels.ts` is cheaper for the region and step.
 */
import { sortedHas, sortedIndex } from '../../units/lists.js';
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import type { AirGraph, Region } from './graph.js';
import {
  columnsAreCheaper,
  exponential,
  exponentialColumn,
  keptIsCheaper,
  matrixIsCheaper,
  steadyResponse,
  systemMatrix,
  uniformize,
  uniformizedTerms,
} from './kernels.js';
import { constantSource, hasSource, type Source } from './source.js';

const W = NOTE_COUNT;
/**
 * The air beyond a plume's region is taken to hold none of its scent. A neighbour holding more than this
 * share of the plume's peak would feed back enough to matter, so the region grows to include its own
 * neighbours.
 */
const FEEDBACK = 1e-3;
/** A system this small takes its whole exponential (a few hundred thousand flops), kept for reuse. */
const SMALL = 24;

/** Past this many slowest air changes a plume's start is gone to e^{−40}: only its source is left. */
const SETTLED = 40;

/** One emitter's scent in the air: the places where it is above the trace, ascending, and per note (u/m³). */
export interface Plume {
  places: number[];
  /** places.length × NOTE_COUNT */
  conc: number[];
}

/** The offset of `place` in the plume's `conc`, or −1 (its places are ascending: a bisection). */
export function plumeAt(plume: Plume, place: number): number {
  const i = sortedIndex(plume.places, place);
  return i < 0 ? -1 : i * W;
}

/** Adds scent (u/m³ per note) to a plume at a place: a release of held scent. */
export function addToPlume(plume: Plume, place: number, amounts: ArrayLike<number>): void {
  let at = plumeAt(plume, place);
  if (at < 0) {
    let i = 0;
    while (i < plume.places.length && plume.places[i]! < place) i++;
    plume.places.splice(i, 0, place);
    plume.conc.splice(i * W, 0, ...new Array<number>(W).fill(0));
    at = i * W;
  }
  for (let k = 0; k < W; k++) plume.conc[at + k]! += amounts[k]!;
}

/** How many steps a region keeps (the oldest goes first). */
const KEPT_PER_REGION = 16;
/** A step taken this many times on a region is worth its whole exponential. */
const RECURRING = 3;
/** ...up to this size of system (a kept exponential is its square). */
const REUSABLE = 160;

function keep(region: Region, step: Region['kept'][number]): void {
  if (region.kept.length >= KEPT_PER_REGION) region.kept.shift();
  region.kept.push(step);
}

/** FNV-1a over the places: an entry's bucket in one of its graph's caches. */
function placesHash(places: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const p of places) hash = Math.imul(hash ^ p, 0x01000193) >>> 0;
  return hash;
}

/**
 * The entry `cache` keeps for the ascending list `places` (`placesOf` tells an entry's), or the one
 * `make` builds now, kept: the graph's regions, and the region around each plume core.
 */
function cachedFor<T>(
  cache: Map<number, T[]>,
  places: readonly number[],
  placesOf: (entry: T) => readonly number[],
  make: () => T,
): T {
  const hash = placesHash(places);
  let bucket = cache.get(hash);
  if (!bucket) {
    bucket = [];
    cache.set(hash, bucket);
  }
  for (const entry of bucket) if (sameList(placesOf(entry), places)) return entry;
  const entry = make();
  bucket.push(entry);
  return entry;
}

/** The region on `places` (ascending), from the graph's cache or built now. */
export function regionOf(graph: AirGraph, places: number[]): Region {
  return cachedFor(
    graph.regions,
    places,
    (region) => region.places,
    () => buildRegion(graph, places),
  );
}

function buildRegion(graph: AirGraph, places: number[]): Region {
  const k = places.length;
  const local = new Map(places.map((p, i) => [p, i]));
  // The region's links as flat rows: for place i, rows start[i]..start[i+1] name where air arrives
  // from and at what rate (per hour).
  const start = new Int32Array(k + 1);
  const fromList: number[] = [];
  const rateList: number[] = [];
  let pace = 0;
  let slowest = Number.POSITIVE_INFINITY;
  places.forEach((p, i) => {
    const volume = graph.volumes[p]!;
    const links = graph.links[p]!;
    for (let j = 0; j < links.length; j++) {
      const other = local.get(links[j]!);
      if (other === undefined) continue;
      fromList.push(other);
      rateList.push(graph.flows[p]![j]! / volume);
    }
    start[i + 1] = fromList.length;
    pace = Math.max(pace, graph.outflow[p]!);
    slowest = Math.min(slowest, graph.ventilation[p]!);
  });
  return {
    places: [...places],
    local,
    rows: { start, from: Int32Array.from(fromList), rate: Float64Array.from(rateList) },
    pace,
    slowest,
    x: new Float64Array((k + 4) * W),
    out: new Float64Array(k * W),
    kept: [],
    steady: new Map(),
  };
}

/**
 * Advances a plume by `hours` with `source` (or none), exactly on its region, and drops the places
 * where it ends below `trace` (u/m³, all notes together) unless they are in `keep` (ascending), where it
 * may yet build up past the trace (null: it may anywhere, so only places with none of it are dropped).
 */
export function advancePlume(
  graph: AirGraph,
  plume: Plume,
  source: Source | null,
  hours: number,
  trace: number,
  keep: readonly number[] | null,
  method: Method = 'cheaper',
): Plume {
  if (hours <= 0) return plume;
  const emits = source !== null && hasSource(source);
  let core = withPlace(plume.places, emits ? source.place : -1);
  if (core.length === 0) return plume;
  for (;;) {
    const { region: on, isCore } = aroundCore(graph, core);
    const result = solve(graph, on, plume, emits ? source : null, hours, method);
    // A neighbour that rose past the trace, or near the plume's peak, passes scent on to its own
    // neighbours (and back): widen and redo.
    const k = on.places.length;
    let peak = 0;
    for (let i = 0; i < k; i++) peak = Math.max(peak, total(result, i));
    const feedsBack = Math.min(trace, FEEDBACK * peak);
    let wider: number[] | null = null;
    for (let i = 0; i < k; i++) {
      if (!isCore[i] && total(result, i) >= feedsBack) {
        wider ??= [...core];
        wider.push(on.places[i]!);
      }
    }
    if (wider) {
      core = wider.sort((x, y) => x - y);
      continue;
    }
    const places: number[] = [];
    const conc: number[] = [];
    for (let i = 0; i < k; i++) {
      const p = on.places[i]!;
      const amount = total(result, i);
      if (amount === 0 || (amount < trace && keep !== null && !sortedHas(keep, p))) continue;
      places.push(p);
      for (let n = 0; n < W; n++) conc.push(result[i * W + n]!);
    }
    return { places, conc };
  }
}

/**
 * The places a plume may reach above `trace` while `sources` last, without ever settling: the steady
 * plume of each source (at `trace` / their number, so that their sum is covered too).
 */
export function reachOf(graph: AirGraph, sources: Source[], hours: number, trace: number): number[] {
  const reach = new Set<number>();
  for (const source of sources) {
    const share = trace / sources.length;
    const steady = advancePlume(graph, { places: [], conc: [] }, source, hours, share, []);
    for (const p of steady.places) reach.add(p);
    reach.add(source.place);
  }
  return [...reach].sort((x, y) => x - y);
}

/** Ascending `places` with `place` among them (−1: none to add). */
function withPlace(places: readonly number[], place: number): number[] {
  if (place < 0 || sortedHas(places, place)) return places as number[];
  const out = [...places, place];
  return out.sort((x, y) => x - y);
}

/**
 * The region around a plume's core (its places and its source's): the core and its neighbours, each
 * once, and which of the region's places are the core's. Kept per graph by the core, so that a plume
 * that stays where it is (a scene's ticks) finds its region without building it again.
 */
function aroundCore(graph: AirGraph, core: readonly number[]): { region: Region; isCore: Uint8Array } {
  return cachedFor(
    graph.cores,
    core,
    (entry) => entry.core,
    () => {
      const all = new Set(core);
      for (const p of core) for (const q of graph.links[p]!) all.add(q);
      const region = regionOf(
        graph,
        [...all].sort((x, y) => x - y),
      );
      const isCore = new Uint8Array(region.places.length);
      for (const p of core) isCore[region.local.get(p)!] = 1;
      return { core: [...core], region, isCore };
    },
  );
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function total(values: Float64Array, i: number): number {
  let sum = 0;
  for (let k = 0; k < W; k++) sum += values[i * W + k]!;
  return sum;
}

/**
 * The plume on `region` (the air outside holds none of this scent) after `hours`: e^{hM}·x, where x is
 * the plume's concentrations there plus the source's states at its place: the quadratic's value, slope
 * and curvature (a chain w0' = w1, w1' = w2) and the fading term (z' = −κ·z). The result is the
 * region's own scratch vector: read it before the next solve on the region.
 */
function solve(
  graph: AirGraph,
  region: Region,
  plume: Plume,
  source: Source | null,
  hours: number,
  method: Method,
): Float64Array {
  const places = region.places;
  const k = places.length;
  const q = source ? (region.local.get(source.place) ?? -1) : -1;
  const rows = region.rows;
  let sigma = region.pace;
  // A fading term that is not there sets no pace.
  if (source?.fading.some((f) => f !== 0)) sigma = Math.max(sigma, source.fadeRate);
  if (sigma === 0) sigma = 1 / hours;

  // Augmented state: k places, then w0, w1, w2, z, each W notes wide.
  const x = region.x;
  x.fill(0);
  // The plume's places are among the region's, both ascending: walk them together.
  for (let i = 0, at = 0; i < plume.places.length; i++, at++) {
    while (places[at] !== plume.places[i]) at++;
    for (let n = 0; n < W; n++) x[at * W + n] = plume.conc[i * W + n]!;
  }
  if (source) {
    // w0 = p(0), w1 = p'(0), w2 = p''(0) of p(u) = rate + slope·u + curve·u²
    for (let n = 0; n < W; n++) {
      x[(k + 0) * W + n] = source.rate[n]!;
      x[(k + 1) * W + n] = source.slope[n]!;
      x[(k + 2) * W + n] = 2 * source.curve[n]!;
      x[(k + 3) * W + n] = source.fading[n]!;
    }
  }
  const out = region.out;
  out.fill(0);
  const fadeRate = source?.fadeRate ?? 0;
  const entry = region.kept.find(
    (e) => e.q === q && e.sigma === sigma && e.fadeRate === fadeRate && e.hours === hours,
  );
  const kept = entry?.e;
  // A step taken again and again on the same region (a scene's ticks) pays for its whole exponential
  // once, and then only a matrix product each time — unless the product itself costs more than the
  // terms (a wide region with few doors per place, a short step).
  const recurring = entry !== undefined && entry.uses >= RECURRING && k + 4 <= REUSABLE;
  const lambda = sigma * hours;
  const chosen =
    method !== 'cheaper'
      ? method
      : (!source || constantSource(source)) && hours * region.slowest >= SETTLED
        ? 'settled'
        : keptIsCheaper(k, rows.from.length, lambda) &&
            (kept || recurring || k + 4 <= SMALL || matrixIsCheaper(k, rows.from.length, lambda))
          ? 'matrix'
          : entry !== undefined &&
              entry.uses >= RECURRING &&
              columnsAreCheaper(k, plume.places.length + 4, rows.from.length, lambda)
            ? 'columns'
            : 'terms';
  let step = entry;
  if (step) step.uses++;
  else if (chosen === 'terms' || chosen === 'columns') {
    step = { q, sigma, fadeRate, hours, e: undefined, u: undefined, uses: 1 };
    keep(region, step);
  }
  if (chosen === 'settled') {
    // Whatever the plume was, it has long gone: what is left is the steady state of the source, its
    // rate times the place's unit response (solved once per place of the region).
    if (source && q >= 0) {
      let unit = region.steady.get(q);
      if (!unit) {
        unit = steadyResponse(graph, places, rows, q);
        region.steady.set(q, unit);
      }
      for (let i = 0; i < k; i++) for (let n = 0; n < W; n++) out[i * W + n] = unit[i]! * source.rate[n]!;
    }
  } else if (chosen === 'matrix') {
    let e = kept;
    if (!e) {
      e = exponential(systemMatrix(graph, places, rows, source, q), k + 4, hours, sigma);
      if (step) step.e = e;
      else keep(region, { q, sigma, fadeRate, hours, e, u: undefined, uses: 1 });
    }
    const m = k + 4;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < m; j++) {
        const f = e[i * m + j]!;
        if (f === 0) continue;
        for (let n = 0; n < W; n++) out[i * W + n]! += f * x[j * W + n]!;
      }
    }
  } else if (chosen === 'columns') {
    // A plume on a few places of a wide region (a hall with a hundred rooms off it): its step is the
    // exponential's columns for those places (and the source's states), each taken once term by term
    // and kept with the step, times the plume there.
    step!.u ??= uniformize(graph, places, rows, source, q, hours, sigma);
    step!.columns ??= new Map();
    const m = k + 4;
    for (let j = 0; j < m; j++) {
      let any = false;
      for (let n = 0; n < W && !any; n++) any = x[j * W + n] !== 0;
      if (!any) continue;
      let column = step!.columns.get(j);
      if (!column) {
        column = exponentialColumn(step!.u, j);
        step!.columns.set(j, column);
      }
      for (let i = 0; i < k; i++) {
        const f = column[i]!;
        if (f === 0) continue;
        for (let n = 0; n < W; n++) out[i * W + n]! += f * x[j * W + n]!;
      }
    }
  } else {
    // The uniformized step is kept with the step: a scene's ticks take the same one again and again.
    step!.u ??= uniformize(graph, places, rows, source, q, hours, sigma);
    out.set(uniformizedTerms(step!.u, x).subarray(0, k * W));
  }
  for (let i = 0; i < k * W; i++) out[i] = Math.max(0, out[i]!);
  return out;
}

/**
 * How a plume's step is taken: `cheaper` picks by cost; `settled` (the steady state, once the start is
 * gone), `matrix` (scaling and squaring), `columns` (the exponential's columns where the plume is) and
 * `terms` (applied term by term) force one, so that tests can hold each to the others.
 */
export type Method = 'cheaper' | 'settled' | 'matrix' | 'columns' | 'terms';
