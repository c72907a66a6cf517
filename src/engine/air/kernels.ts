/**
 * The exact methods a plume's step is taken by, on a region of places (see `plume.ts`): the steady
 * state by fill-free Gaussian elimination, the whole exponential by uniformization with scaling and
 * squaring, or the exponential applied to the plume term by term. Uniformization (M + σI ≥ 0) keeps
 * every term non-negative for the air, so concentrations stay finite and non-negative for any step.
 */
import { NOTE_COUNT } from '../../vocabulary/notes.js';
import type { AirGraph, Rows, Uniformized } from './graph.js';
import type { Source } from './source.js';

const W = NOTE_COUNT;
/** Poisson mean per chunk: weights stay far from underflow (e^{−32} ≈ 1e−14). */
const CHUNK = 32;
/** A Poisson weight this small (after the mode) no longer changes a double. */
const NEGLIGIBLE = 1e-18;

/**
 * The steady state of a unit source (1 u/h) at place `q` of the region, per place: −A⁻¹·e_q / V_q,
 * by Gaussian elimination. −A is strictly diagonally dominant (every place is ventilated), so no
 * pivoting is needed and every entry of the inverse is non-negative. Places with the fewest doors go
 * first, so that a corridor with a hundred cabins off it is eliminated last and the matrix never fills
 * in; rows are kept sparse (a map per row), so the work follows the doors, not the square of the
 * region. Every note sees the same air: a source's steady state is this times its rate, note by note.
 */
export function steadyResponse(graph: AirGraph, region: number[], rows: Rows, q: number): Float64Array {
  const k = region.length;
  const a = region.map((p, i) => {
    const row = new Map<number, number>([[i, graph.outflow[p]!]]);
    for (let l = rows.start[i]!; l < rows.start[i + 1]!; l++) {
      const j = rows.from[l]!;
      row.set(j, (row.get(j) ?? 0) - rows.rate[l]!);
    }
    return row;
  });
  const order = Array.from({ length: k }, (_, i) => i);
  const degree = (i: number) => rows.start[i + 1]! - rows.start[i]!;
  order.sort((x, y) => degree(x) - degree(y) || x - y);
  const position = new Int32Array(k);
  order.forEach((i, at) => {
    position[i] = at;
  });
  const byPosition = (x: number, y: number) => position[x]! - position[y]!;
  const b = new Float64Array(k);
  b[q] = 1 / graph.volumes[region[q]!]!;
  for (let ci = 0; ci < k; ci++) {
    const c = order[ci]!;
    const pivotRow = a[c]!;
    const pivot = pivotRow.get(c)!;
    // The doors' pattern is symmetric, and stays so as it fills: the rows to update are the pivot's
    // own later columns.
    const later = [...pivotRow.keys()].filter((j) => position[j]! >= ci).sort(byPosition);
    for (const r of later) {
      if (r === c) continue;
      const row = a[r]!;
      const f = (row.get(c) ?? 0) / pivot;
      if (f === 0) continue;
      for (const j of later) {
        const v = pivotRow.get(j)!;
        if (v !== 0) row.set(j, (row.get(j) ?? 0) - f * v);
      }
      b[r]! -= f * b[c]!;
    }
  }
  const out = new Float64Array(k);
  for (let ri = k - 1; ri >= 0; ri--) {
    const r = order[ri]!;
    const row = a[r]!;
    let sum = b[r]!;
    for (const [j, v] of row) if (position[j]! > ri && v !== 0) sum -= v * out[j]!;
    out[r] = sum / row.get(r)!;
  }
  return out;
}

export function uniformize(
  graph: AirGraph,
  region: number[],
  rows: Rows,
  source: Source | null,
  q: number,
  hours: number,
  sigma: number,
): Uniformized {
  const inv = 1 / sigma;
  const lambdaTotal = sigma * hours;
  const chunks = Math.max(1, Math.ceil(lambdaTotal / CHUNK));
  return {
    k: region.length,
    rows,
    diag: Float64Array.from(region, (p) => 1 - graph.outflow[p]! * inv),
    scaled: Float64Array.from(rows.rate, (r) => r * inv),
    q,
    perVolume: source ? inv / graph.volumes[source.place]! : 0,
    inv,
    fadeKeep: 1 - (source?.fadeRate ?? 0) * inv,
    chunks,
    lambda: lambdaTotal / chunks,
  };
}

/**
 * The kernel itself, on a uniformized region (`bench/kernel.c` is this, line by line, in C). The state
 * comes and goes place by place (each place's notes together); inside, it is note by note (each note a
 * vector over the places, which every note's air shares), so a step is one sparse product per note
 * with its sum kept in a register: the same additions in the same order, so the same numbers.
 * e^{hM}·x by uniformization, term by term, in chunks whose Poisson weights stay far from underflow.
 * The result is `u`'s own buffer: read it before the next call.
 */
export function uniformizedTerms(u: Uniformized, start: Float64Array): Float64Array {
  const { k, diag, scaled, q, perVolume, inv, fadeKeep, chunks, lambda } = u;
  const { start: first, from } = u.rows;
  const m = k + 4;
  const size = m * W;
  u.buffers ??= {
    x: new Float64Array(size),
    next: new Float64Array(size),
    sum: new Float64Array(size),
    out: new Float64Array(size),
    notes: new Int32Array(W),
  };
  let { x, next } = u.buffers;
  const { sum, out } = u.buffers;
  for (let i = 0; i < m; i++) for (let n = 0; n < W; n++) x[n * m + i] = start[i * W + n]!;
  // A note with none of it anywhere (most bodies emit two or three of the notes) stays at nothing:
  // P·0 = 0, so it is left out of the work, exactly.
  const notes = u.buffers.notes;
  let live = 0;
  for (let n = 0; n < W; n++) {
    const base = n * m;
    let any = false;
    for (let i = 0; i < m && !any; i++) any = x[base + i] !== 0;
    if (any) notes[live++] = n;
  }
  for (let c = 0; c < chunks; c++) {
    let weight = Math.exp(-lambda);
    for (let t = 0; t < live; t++) {
      const end = (notes[t]! + 1) * m;
      for (let i = notes[t]! * m; i < end; i++) sum[i] = 0 + weight * x[i]!;
    }
    for (let j = 0; ; j++) {
      weight *= lambda / (j + 1);
      if (j + 1 > lambda && weight < NEGLIGIBLE) break;
      // next = P·x, P = I + M/σ, note by note, each term added to the sum as it is made
      for (let t = 0; t < live; t++) {
        const base = notes[t]! * m;
        let l = first[0]!;
        for (let i = 0; i < k; i++) {
          let v = diag[i]! * x[base + i]!;
          for (const end = first[i + 1]!; l < end; l++) v += scaled[l]! * x[base + from[l]!]!;
          next[base + i] = v;
        }
        if (q >= 0) {
          next[base + q]! += perVolume * (x[base + k]! + x[base + k + 3]!);
          next[base + k] = x[base + k]! + inv * x[base + k + 1]!;
          next[base + k + 1] = x[base + k + 1]! + inv * x[base + k + 2]!;
          next[base + k + 2] = x[base + k + 2]!;
          next[base + k + 3] = fadeKeep * x[base + k + 3]!;
        }
        for (let i = base; i < base + m; i++) sum[i]! += weight * next[i]!;
      }
      const swap = x;
      x = next;
      next = swap;
    }
    for (let t = 0; t < live; t++) {
      const at = notes[t]! * m;
      x.set(sum.subarray(at, at + m), at);
    }
  }
  out.fill(0);
  for (let t = 0; t < live; t++) {
    const n = notes[t]!;
    for (let i = 0; i < m; i++) out[i * W + n] = x[n * m + i]!;
  }
  return out;
}

/** Flops of the whole (k+4)² matrix by scaling and squaring against the plume term by term. */
export function matrixIsCheaper(k: number, links: number, lambda: number): boolean {
  const size = k + 4;
  const matrix = size ** 3 * (20 + Math.max(0, Math.log2(Math.max(lambda, 1)))) + size * size * W;
  const terms = (links + size) * W * (lambda + 6 * Math.sqrt(lambda) + 20);
  return matrix < terms;
}

/** How many Poisson terms `uniformizedTerms` takes for a mean of `lambda` (one chunk's worth each). */
export function termCount(lambda: number): number {
  const chunks = Math.max(1, Math.ceil(lambda / CHUNK));
  const mean = lambda / chunks;
  let weight = Math.exp(-mean);
  let j = 0;
  for (; ; j++) {
    weight *= mean / (j + 1);
    if (j + 1 > mean && weight < NEGLIGIBLE) break;
  }
  return chunks * (j + 1);
}

/** Flops per note of a step taken term by term on a region of k places and `links` links. */
const termsCost = (k: number, links: number, lambda: number): number =>
  termCount(lambda) * (links + 2 * (k + 4));

/**
 * Whether applying a kept (k+4)² exponential costs less than taking the step term by term: on a wide
 * region with few doors per place and a short step, the sparse terms are cheaper than the dense matrix.
 */
export function keptIsCheaper(k: number, links: number, lambda: number): boolean {
  // The terms also move the state in and out of note-major order.
  return k * (k + 4) < termsCost(k, links, lambda) + 2 * (k + 4);
}

/**
 * Whether a kept column of the exponential for each of `columns` places and source states costs less
 * per step than the terms: a plume on a few places of a wide region.
 */
export function columnsAreCheaper(k: number, columns: number, links: number, lambda: number): boolean {
  return k * columns < termsCost(k, links, lambda);
}

/**
 * Column `j` of the uniformized step's exponential (e^{hM}·e_j) over the region's k places, one note's
 * worth (every note sees the same air): the kernel itself, on a unit start.
 */
export function exponentialColumn(u: Uniformized, j: number): Float64Array {
  const start = new Float64Array((u.k + 4) * W);
  start[j * W] = 1;
  const out = uniformizedTerms(u, start);
  return Float64Array.from({ length: u.k }, (_, i) => out[i * W]!);
}

/** The augmented system M (row-major, (k+4)²) of one note: the region's air, then w0, w1, w2, z. */
export function systemMatrix(
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
export function exponential(big: Float64Array, m: number, hours: number, sigma: number): Float64Array {
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
