/**
 * The multi-zone air model. Each place is well mixed: for any one scent,
 *
 *   dC_p/dt = S_p / V_p − ventilation_p · C_p + Σ_doors Q_d / V_p · (C_q − C_p)
 *
 * a linear system dC/dt = A·C + s with A a Metzler matrix (non-negative off the diagonal). Between two
 * events the sources are constant, so the exact solution over a step h is
 *
 *   C(t+h) = Φ·C(t) + Γ·s,   Φ = e^{hA},   Γ = ∫₀ʰ e^{uA} du,
 *
 * read off the exponential of the block matrix [[A, I], [0, 0]]. We compute it by uniformization
 * (e^{hM} = e^{−hσ}·e^{h(M+σI)}, whose Taylor terms are all non-negative) with scaling and squaring.
 * Every term and every product is non-negative, so concentrations stay finite and non-negative for any
 * step size, from a second in a scene to a day between meetings.
 */

export interface AirFlow {
  a: number;
  b: number;
  /** m³/h */
  flow: number;
}

export interface Propagator {
  places: number;
  /** e^{hA}, row-major places × places */
  phi: Float64Array;
  /** ∫₀ʰ e^{uA} du (hours), row-major places × places */
  gamma: Float64Array;
}

/** The rate matrix A (per hour) of places with `volumes` (m³), `ventilation` (air changes/h) and flows. */
export function rateMatrix(
  volumes: ArrayLike<number>,
  ventilation: ArrayLike<number>,
  flows: AirFlow[],
): Float64Array {
  const n = volumes.length;
  const a = new Float64Array(n * n);
  for (let p = 0; p < n; p++) a[p * n + p] = -ventilation[p]!;
  for (const { a: p, b: q, flow } of flows) {
    if (flow <= 0 || p === q) continue;
    const toP = flow / volumes[p]!;
    const toQ = flow / volumes[q]!;
    a[p * n + q]! += toP;
    a[p * n + p]! -= toP;
    a[q * n + p]! += toQ;
    a[q * n + q]! -= toQ;
  }
  return a;
}

/** Φ and Γ for a step of `hours` under rate matrix `a` (places × places). */
export function propagator(a: Float64Array, places: number, hours: number): Propagator {
  const n = places;
  const m = 2 * n;
  // M = [[A, I], [0, 0]]
  const big = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) big[i * m + j] = a[i * n + j]!;
    big[i * m + n + i] = 1;
  }
  let sigma = 0;
  for (let i = 0; i < m; i++) sigma = Math.max(sigma, -big[i * m + i]!);
  // Scale so that the uniformized step is at most 1: the Taylor series then converges in ~20 terms.
  const squarings = Math.max(0, Math.ceil(Math.log2(Math.max(hours * Math.max(sigma, 1), 1))));
  const h = hours / 2 ** squarings;
  // B = h·(M + σI) ≥ 0
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
  const phi = new Float64Array(n * n);
  const gamma = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      phi[i * n + j] = result[i * m + j]!;
      gamma[i * n + j] = result[i * m + n + j]!;
    }
  }
  return { places: n, phi, gamma };
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

/**
 * Advances concentrations in place. `conc` is places × width (width = one column per scent channel);
 * `sourcePlace[c]` is where column c's source sits (or −1) and `sourceRate[c]` its rate (u/h).
 */
function liveColumns(
  conc: Float64Array,
  width: number,
  places: number,
  sourceRate: Float64Array,
): Int32Array {
  const live = new Int32Array(width);
  let count = 0;
  for (let c = 0; c < width; c++) {
    let alive = sourceRate[c] !== 0;
    for (let p = 0; !alive && p < places; p++) alive = conc[p * width + c] !== 0;
    if (alive) live[count++] = c;
  }
  return live.subarray(0, count);
}

export function advance(
  prop: Propagator,
  conc: Float64Array,
  width: number,
  volumes: ArrayLike<number>,
  sourcePlace: Int32Array,
  sourceRate: Float64Array,
  scratch: Float64Array,
): void {
  const n = prop.places;
  const { phi, gamma } = prop;
  // Most columns (notes an emitter does not carry) are zero everywhere with no source: they stay zero,
  // so only the live ones are worked on (the same arithmetic, in the same order, for those).
  const live = liveColumns(conc, width, n, sourceRate);
  scratch.fill(0);
  for (let p = 0; p < n; p++) {
    const out = p * width;
    for (let q = 0; q < n; q++) {
      const f = phi[p * n + q]!;
      if (f === 0) continue;
      const from = q * width;
      for (let i = 0; i < live.length; i++) {
        const c = live[i]!;
        scratch[out + c]! += f * conc[from + c]!;
      }
    }
  }
  for (let c = 0; c < width; c++) {
    const q = sourcePlace[c]!;
    const rate = sourceRate[c]!;
    if (q < 0 || rate === 0) continue;
    const perVolume = rate / volumes[q]!;
    for (let p = 0; p < n; p++) scratch[p * width + c]! += gamma[p * n + q]! * perVolume;
  }
  conc.set(scratch);
}
