/**
 * The multi-zone air model. Each place is well mixed: for any one scent,
 *
 *   dC_p/dt = S_p / V_p − ventilation_p · C_p + Σ_doors Q_d / V_p · (C_q − C_p)
 *
 * a linear system dC/dt = A·C + s with A a Metzler matrix (non-negative off the diagonal). This file
 * holds the places and doors as the air sees them; `plume.ts` advances a scent on them and
 * `kernels.ts` holds the exact methods it uses.
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
  /** regions already solved on, by a hash of their places (see `plume.ts`) */
  regions: Map<number, Region[]>;
  /** the region around each plume core met so far, by a hash of the core's places */
  cores: Map<number, { core: number[]; region: Region; isCore: Uint8Array }[]>;
}

/** A region's links as flat rows: for place i, rows start[i]..start[i+1] name where air arrives from and at what rate (per hour). */
export interface Rows {
  start: Int32Array;
  from: Int32Array;
  rate: Float64Array;
}

/**
 * The uniformized step P = I + M/σ of a region, as the term-by-term kernel walks it: the diagonal and
 * the links scaled by 1/σ, the source's entry, and the chunks the Poisson mean σh is cut into.
 */
export interface Uniformized {
  k: number;
  rows: Rows;
  diag: Float64Array;
  scaled: Float64Array;
  q: number;
  perVolume: number;
  inv: number;
  fadeKeep: number;
  chunks: number;
  lambda: number;
  /** working vectors (two steps and a sum, note by note) and the result, reused call after call */
  buffers?: {
    x: Float64Array;
    next: Float64Array;
    sum: Float64Array;
    out: Float64Array;
    /** the notes present in this call's plume (the others stay at nothing) */
    notes: Int32Array;
  };
}

/**
 * A region of the air graph — a plume's places and their neighbours — with what a solve on it needs,
 * built once per graph (the doors as they are) and kept: its links as flat rows, its pace, scratch
 * vectors, and the exponentials already taken on it (a scene's one-second ticks take the same ones
 * again and again).
 */
export interface Region {
  places: number[];
  /** place → index in `places` */
  local: Map<number, number>;
  rows: Rows;
  /** the fastest any scent leaves a place of the region, per hour: the uniformization pace */
  pace: number;
  /** the least ventilation in the region, per hour */
  slowest: number;
  /** the augmented state (places, then the source's four states) and the result, reused */
  x: Float64Array;
  out: Float64Array;
  /** the steady state of a unit source at each place (by its index) solved on so far */
  steady: Map<number, Float64Array>;
  /** steps taken on the region: how often, and their exponential once it is worth taking */
  kept: {
    q: number;
    sigma: number;
    fadeRate: number;
    hours: number;
    e: Float64Array | undefined;
    /** the step uniformized for the term-by-term kernel, with its working vectors */
    u: Uniformized | undefined;
    /** columns of the step's exponential taken so far, by index in the augmented state */
    columns?: Map<number, Float64Array>;
    uses: number;
  }[];
}

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
  return { volumes, ventilation, links, flows: out, outflow, slowest, regions: new Map(), cores: new Map() };
}
