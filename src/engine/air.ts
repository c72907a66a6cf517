import { NOTE_COUNT } from '../vocabulary/notes.js';
/**
 * The multi-zone air model. Each place is well mixed: for any one scent,
 *
 *   dC_p/dt = S_p / V_p − ventilation_p · C_p + Σ_doors Q_d / V_p · (C_q − C_p)
 *
 * a linear system dC/dt = A·C + s with A a Metzler matrix (non-negative off the diagonal).
 *
 * Each emitter's scent is a *plume*: the places where it is above the trace level (canon
 * `perception.trace`, far under anything a nose can detect), with a concentration per note. A plume is
 * advanced on its own region (its places, its source's place, and their neighbours; the air beyond
 * holds none of it), growing the region whenever a neighbour rises past the trace, so the work is
 * proportional to where the scent is, not to the size of the ship.
 *
 * Over a step the source follows its body: a quadratic in time (the pre-heat ramp) plus a fading term
 * (agitation's sour note). Both are carried by extra states of one linear system M, the same for every
 * note. Its exponential is taken by uniformization (M + σI ≥ 0, so every term is non-negative for the
 * air and concentrations stay finite and non-negative for any step, from a second in a scene to a month
 * between heats), whichever way is cheaper for the region and step: as the whole matrix by scaling and
 * squaring (small regions, long steps), or applied to the plume term by term, e^{hM}·x = Σ_j
 * Poisson(σh; j)·P^j·x with P = I + M/σ (large regions, short steps).
 */

export interface AirFlow {
  a: number;
  b: number;
  /** m³/h */
  flow: number;
}

/** Places and the doors between them, as the air sees them now. */
export interface AirGraph {
  volumes: Float64Array;
  /** air changes per hour */
  ventilation: Float64Array;
  /** per place: the places air flows to (doors with flow > 0) */
  links: Int32Array[];
  /** per place: the flow to each linked place, m³/h */
  flows: Float64Array[];
  /** per place: everything that leaves it, per hour (ventilation and door flows) */
  outflow: Float64Array;
  /** the slowest any scent leaves the air, per hour: the least ventilation */
  slowest: number;
  /** exponentials already taken (a scene's one-second ticks take the same ones again and again) */
  exponentials: Map<string, Float64Array>;
}

/** A system this small takes its whole exponential (a few hundred thousand flops), kept for reuse. */
const SMALL = 24;
/** How many exponentials a graph keeps before it starts afresh. */
const KEPT_EXPONENTIALS = 64;

export function airGraph(volumes: Float64Array, ventilation: Float64Array, flows: AirFlow[]): AirGraph {
  const n = volumes.length;
  const byPlace = Array.from({ length: n }, () => new Map<number, number>());
  for (const { a, b, flow } of flows) {
    if (flow <= 0 || a === b) continue;
    byPlace[a]!.set(b, (byPlace[a]!.get(b) ?? 0) + flow);
    byPlace[b]!.set(a, (byPlace[b]!.get(a) ?? 0) + flow);
  }
  const links = byPlace.map((m) => Int32Array.from([...m.keys()].sort((x, y) => x - y)));
  const out = byPlace.map((m, p) => Float64Array.from(links[p]!, (q) => m.get(q)!));
  const outflow = Float64Array.from(volumes, (v, p) => {
    let sum = ventilation[p]!;
    for (const f of out[p]!) sum += f / v;
    return sum;
  });
  let slowest = Number.POSITIVE_INFINITY;
  for (const v of ventilation) slowest = Math.min(slowest, v);
  return { volumes, ventilation, links, flows: out, outflow, slowest, exponentials: new Map() };
}

/** One emitter's scent in the air: the places where it is above the trace, ascending, and per note (u/m³). */
export interface Plume {
  places: number[];
  /** places.length × NOTE_COUNT */
  conc: number[];
}

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

const W = NOTE_COUNT;
/** Poisson mean per chunk: weights stay far from underflow (e^{−32} ≈ 1e−14). */
const CHUNK = 32;
/**
 * The air beyond a plume's region is taken to hold none of its scent. A neighbour holding more than this
 * share of the plume's peak would feed back enough to matter, so the region grows to include its own
 * neighbours.
 */
const FEEDBACK = 1e-3;
/** A Poisson weight this small (after the mode) no longer changes a double. */
const NEGLIGIBLE = 1e-18;

/** A source that puts out `rate` (u/h per note) at `place`, unchanging. */
export function heldSource(place: number, rate: Float64Array): Source {
  const zero = new Float64Array(W);
  return { place, rate, slope: zero, curve: zero, fading: zero, fadeRate: 0 };
}

/** The offset of `place` in the plume's `conc`, or −1. */
export function plumeAt(plume: Plume, place: number): number {
  const i = plume.places.indexOf(place);
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

/**
 * Advances a plume by `hours` with `source` (or none), exactly on its region, and drops the places
 * where it ends below `trace` (u/m³, all notes together) unless they are in `keep`, where it may yet
 * build up past the trace (null: it may anywhere, so only places with none of it are dropped).
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
  const core = new Set(plume.places);
  const emits = source !== null && hasSource(source);
  if (emits) core.add(source.place);
  if (core.size === 0) return plume;
  for (;;) {
    const region = [...core];
    for (const p of core) for (const q of graph.links[p]!) if (!core.has(q)) region.push(q);
    region.sort((x, y) => x - y);
    const result = solve(graph, region, plume, emits ? source : null, hours, method);
    // A neighbour that rose past the trace, or near the plume's peak, passes scent on to its own
    // neighbours (and back): widen and redo.
    let peak = 0;
    for (let i = 0; i < region.length; i++) peak = Math.max(peak, total(result, i));
    const feedsBack = Math.min(trace, FEEDBACK * peak);
    let widened = false;
    region.forEach((p, i) => {
      if (!core.has(p) && total(result, i) >= feedsBack) {
        core.add(p);
        widened = true;
      }
    });
    if (widened) continue;
    const places: number[] = [];
    const conc: number[] = [];
    region.forEach((p, i) => {
      const amount = total(result, i);
      if (amount === 0 || (amount < trace && keep !== null && !keep.includes(p))) return;
      places.push(p);
      for (let k = 0; k < W; k++) conc.push(result[i * W + k]!);
    });
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

function hasSource(source: Source): boolean {
  for (let k = 0; k < W; k++) {
    if (source.rate[k] || source.slope[k] || source.curve[k] || source.fading[k]) return true;
  }
  return false;
}

function total(values: Float64Array, i: number): number {
  let sum = 0;
  for (let k = 0; k < W; k++) sum += values[i * W + k]!;
  return sum;
}

/**
 * The plume on `region` (places ascending; the air outside holds none of this scent) after `hours`:
 * e^{hM}·x, where x is the plume's concentrations there plus the source's states at its place: the
 * quadratic's value, slope and curvature (a chain w0' = w1, w1' = w2) and the fading term (z' = −κ·z).
 */
function solve(
  graph: AirGraph,
  region: number[],
  plume: Plume,
  source: Source | null,
  hours: number,
  method: Method,
): Float64Array {
  const k = region.length;
  const q = source ? region.indexOf(source.place) : -1;
  const local = new Map(region.map((p, i) => [p, i]));
  // The region's links as flat rows: for place i, rows start[i]..start[i+1] name where air arrives
  // from and at what rate (per hour).
  const start = new Int32Array(k + 1);
  const fromList: number[] = [];
  const rateList: number[] = [];
  let sigma = 0;
  let slowest = Number.POSITIVE_INFINITY;
  region.forEach((p, i) => {
    const volume = graph.volumes[p]!;
    const links = graph.links[p]!;
    for (let j = 0; j < links.length; j++) {
      const other = local.get(links[j]!);
      if (other === undefined) continue;
      fromList.push(other);
      rateList.push(graph.flows[p]![j]! / volume);
    }
    start[i + 1] = fromList.length;
    sigma = Math.max(sigma, graph.outflow[p]!);
    slowest = Math.min(slowest, graph.ventilation[p]!);
  });
  const rows: Rows = { start, from: Int32Array.from(fromList), rate: Float64Array.from(rateList) };
  // A fading term that is not there sets no pace.
  if (source?.fading.some((f) => f !== 0)) sigma = Math.max(sigma, source.fadeRate);
  if (sigma === 0) sigma = 1 / hours;

  // Augmented state: k places, then w0, w1, w2, z, each W notes wide.
  const size = (k + 4) * W;
  const x = new Float64Array(size);
  plume.places.forEach((p, i) => {
    const at = local.get(p)!;
    for (let n = 0; n < W; n++) x[at * W + n] = plume.conc[i * W + n]!;
  });
  if (source) {
    // w0 = p(0), w1 = p'(0), w2 = p''(0) of p(u) = rate + slope·u + curve·u²
    for (let n = 0; n < W; n++) {
      x[(k + 0) * W + n] = source.rate[n]!;
      x[(k + 1) * W + n] = source.slope[n]!;
      x[(k + 2) * W + n] = 2 * source.curve[n]!;
      x[(k + 3) * W + n] = source.fading[n]!;
    }
  }
  const out = new Float64Array(k * W);
  const key = `${region.join(',')}|${q}|${sigma}|${source?.fadeRate ?? 0}|${hours}`;
  const kept = graph.exponentials.get(key);
  const chosen =
    method !== 'cheaper'
      ? method
      : (!source || constantSource(source)) && hours * slowest >= SETTLED
        ? 'settled'
        : kept || k + 4 <= SMALL || matrixIsCheaper(k, fromList.length, sigma * hours)
          ? 'matrix'
          : 'terms';
  if (chosen === 'settled') {
    // Whatever the plume was, it has long gone: what is left is the steady state of the source.
    if (source && q >= 0) settled(graph, region, rows, q, source, out);
  } else if (chosen === 'matrix') {
    let e = kept;
    if (!e) {
      e = exponential(systemMatrix(graph, region, rows, source, q), k + 4, hours, sigma);
      if (graph.exponentials.size >= KEPT_EXPONENTIALS) graph.exponentials.clear();
      graph.exponentials.set(key, e);
    }
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k + 4; j++) {
        const f = e[i * (k + 4) + j]!;
        if (f === 0) continue;
        for (let n = 0; n < W; n++) out[i * W + n]! += f * x[j * W + n]!;
      }
    }
  } else {
    const y = termByTerm(graph, region, rows, source, q, x, hours, sigma);
    out.set(y.subarray(0, k * W));
  }
  for (let i = 0; i < k * W; i++) out[i] = Math.max(0, out[i]!);
  return out;
}

interface Rows {
  start: Int32Array;
  from: Int32Array;
  rate: Float64Array;
}

/** Past this many slowest air changes a plume's start is gone to e^{−40}: only its source is left. */
const SETTLED = 40;

/** A source that does not change over its step. */
export function constantSource(source: Source): boolean {
  for (let n = 0; n < W; n++) if (source.slope[n] || source.curve[n] || source.fading[n]) return false;
  return true;
}

/**
 * The steady state −A⁻¹·s of a constant source on the region, by Gaussian elimination: −A is strictly
 * diagonally dominant (every place is ventilated), so no pivoting is needed and every entry of the
 * inverse is non-negative. Places with the fewest doors go first, so that a corridor with a hundred
 * cabins off it is eliminated last and the matrix never fills in.
 */
function settled(
  graph: AirGraph,
  region: number[],
  rows: Rows,
  q: number,
  source: Source,
  out: Float64Array,
): void {
  const k = region.length;
  const a = new Float64Array(k * k);
  region.forEach((p, i) => {
    a[i * k + i] = graph.outflow[p]!;
    for (let l = rows.start[i]!; l < rows.start[i + 1]!; l++) a[i * k + rows.from[l]!]! -= rows.rate[l]!;
  });
  const order = Array.from({ length: k }, (_, i) => i);
  const degree = (i: number) => rows.start[i + 1]! - rows.start[i]!;
  order.sort((x, y) => degree(x) - degree(y) || x - y);
  const b = new Float64Array(k * W);
  const perVolume = 1 / graph.volumes[source.place]!;
  for (let n = 0; n < W; n++) b[q * W + n] = source.rate[n]! * perVolume;
  for (let ci = 0; ci < k; ci++) {
    const c = order[ci]!;
    const pivot = a[c * k + c]!;
    for (let ri = ci + 1; ri < k; ri++) {
      const r = order[ri]!;
      const f = a[r * k + c]! / pivot;
      if (f === 0) continue;
      for (let cj = ci; cj < k; cj++) {
        const j = order[cj]!;
        const v = a[c * k + j]!;
        if (v !== 0) a[r * k + j]! -= f * v;
      }
      for (let n = 0; n < W; n++) b[r * W + n]! -= f * b[c * W + n]!;
    }
  }
  for (let ri = k - 1; ri >= 0; ri--) {
    const r = order[ri]!;
    for (let n = 0; n < W; n++) {
      let sum = b[r * W + n]!;
      for (let cj = ri + 1; cj < k; cj++) {
        const j = order[cj]!;
        const v = a[r * k + j]!;
        if (v !== 0) sum -= v * out[j * W + n]!;
      }
      out[r * W + n] = sum / a[r * k + r]!;
    }
  }
}

/** e^{hM}·x by uniformization, term by term, in chunks whose Poisson weights stay far from underflow. */
function termByTerm(
  graph: AirGraph,
  region: number[],
  rows: Rows,
  source: Source | null,
  q: number,
  start: Float64Array,
  hours: number,
  sigma: number,
): Float64Array {
  const k = region.length;
  const size = (k + 4) * W;
  let x = Float64Array.from(start);
  let next = new Float64Array(size);
  const inv = 1 / sigma;
  const fadeKeep = 1 - (source?.fadeRate ?? 0) * inv;
  const diag = Float64Array.from(region, (p) => 1 - graph.outflow[p]! * inv);
  const scaled = Float64Array.from(rows.rate, (r) => r * inv);
  const perVolume = source ? inv / graph.volumes[source.place]! : 0;
  const lambdaTotal = sigma * hours;
  const chunks = Math.max(1, Math.ceil(lambdaTotal / CHUNK));
  const lambda = lambdaTotal / chunks;
  const sum = new Float64Array(size);
  for (let c = 0; c < chunks; c++) {
    sum.fill(0);
    let weight = Math.exp(-lambda);
    for (let j = 0; ; j++) {
      for (let i = 0; i < size; i++) sum[i]! += weight * x[i]!;
      weight *= lambda / (j + 1);
      if (j + 1 > lambda && weight < NEGLIGIBLE) break;
      // next = P·x, P = I + M/σ
      for (let i = 0; i < k; i++) {
        const d = diag[i]!;
        const row = i * W;
        for (let n = 0; n < W; n++) next[row + n] = d * x[row + n]!;
        for (let l = rows.start[i]!; l < rows.start[i + 1]!; l++) {
          const f = scaled[l]!;
          const o = rows.from[l]! * W;
          for (let n = 0; n < W; n++) next[row + n]! += f * x[o + n]!;
        }
      }
      if (q >= 0) {
        for (let n = 0; n < W; n++) {
          next[q * W + n]! += perVolume * (x[k * W + n]! + x[(k + 3) * W + n]!);
          next[k * W + n] = x[k * W + n]! + inv * x[(k + 1) * W + n]!;
          next[(k + 1) * W + n] = x[(k + 1) * W + n]! + inv * x[(k + 2) * W + n]!;
          next[(k + 2) * W + n] = x[(k + 2) * W + n]!;
          next[(k + 3) * W + n] = fadeKeep * x[(k + 3) * W + n]!;
        }
      }
      const swap = x;
      x = next;
      next = swap;
    }
    x.set(sum);
  }
  return x;
}

/**
 * How a plume's step is taken: `cheaper` picks by cost; `settled` (the steady state, once the start is
 * gone), `matrix` (scaling and squaring) and `terms` (applied term by term) force one, so that tests
 * can hold each to the others.
 */
export type Method = 'cheaper' | 'settled' | 'matrix' | 'terms';

/** Flops of the whole (k+4)² matrix by scaling and squaring against the plume term by term. */
function matrixIsCheaper(k: number, links: number, lambda: number): boolean {
  const size = k + 4;
  const matrix = size ** 3 * (20 + Math.max(0, Math.log2(Math.max(lambda, 1)))) + size * size * W;
  const terms = (links + size) * W * (lambda + 6 * Math.sqrt(lambda) + 20);
  return matrix < terms;
}

/** The augmented system M (row-major, (k+4)²) of one note: the region's air, then w0, w1, w2, z. */
function systemMatrix(
  graph: AirGraph,
  region: number[],
  rows: Rows,
  source: Source | null,
  q: number,
): Float64Array {
  const k = region.length;
  const m = k + 4;
  const a = new Float64Array(m * m);
  region.forEach((p, i) => {
    a[i * m + i] = -graph.outflow[p]!;
    for (let l = rows.start[i]!; l < rows.start[i + 1]!; l++) a[i * m + rows.from[l]!]! += rows.rate[l]!;
  });
  if (source && q >= 0) {
    const perVolume = 1 / graph.volumes[source.place]!;
    a[q * m + k] = perVolume;
    a[q * m + k + 3] = perVolume;
    a[k * m + k + 1] = 1;
    a[(k + 1) * m + k + 2] = 1;
    a[(k + 3) * m + k + 3] = -source.fadeRate;
  }
  return a;
}

/**
 * e^{hM} for a Metzler M (m × m) whose diagonal is at least −σ: by uniformization (e^{hM} =
 * e^{−hσ}·e^{h(M+σI)}, whose Taylor terms are all non-negative) with scaling and squaring.
 */
function exponential(big: Float64Array, m: number, hours: number, sigma: number): Float64Array {
  // Scale so that the uniformized step is at most 1: the Taylor series then converges in ~20 terms.
  const squarings = Math.max(0, Math.ceil(Math.log2(Math.max(hours * Math.max(sigma, 1), 1))));
  const h = hours / 2 ** squarings;
  const b = new Float64Array(m * m);
  for (let i = 0; i < m * m; i++) b[i] = h * big[i]!;
  for (let i = 0; i < m; i++) b[i * m + i]! += h * sigma;
  let result = identity(m);
  let term = identity(m);
  for (let k = 1; k <= 40; k++) {
    term = multiply(term, b, m);
    const scale = 1 / k;
    let largest = 0;
    for (let i = 0; i < m * m; i++) {
      term[i]! *= scale;
      result[i]! += term[i]!;
      if (term[i]! > largest) largest = term[i]!;
    }
    if (largest < 1e-18) break;
  }
  const damping = Math.exp(-h * sigma);
  for (let i = 0; i < m * m; i++) result[i]! *= damping;
  for (let s = 0; s < squarings; s++) result = multiply(result, result, m);
  return result;
}

function identity(m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) out[i * m + i] = 1;
  return out;
}

function multiply(x: Float64Array, y: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const xik = x[i * m + k]!;
      if (xik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += xik * y[k * m + j]!;
    }
  }
  return out;
}
