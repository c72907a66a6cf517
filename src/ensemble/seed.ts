/**
 * The seed of each repetition, derived from the ensemble's seed by a fixed function of the two
 * numbers (not a stream of draws), so that any machine, worker or shard computes any run's seed alone.
 */

/** murmur3's 32-bit finaliser: every input bit changes about half of the output bits. */
function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const GOLDEN = 0x9e3779b9;

/**
 * The world seed (0 … 2³²−1, what the engine's generator reads) of repetition `repetition` (0-based)
 * of an ensemble seeded with `base` (a whole number ≥ 0). Every grid point of a sweep uses the same
 * seeds, so that its points differ by their parameters and not by their luck (common random numbers).
 */
export function runSeed(base: number, repetition: number): number {
  const low = base >>> 0;
  const high = Math.floor(base / 2 ** 32) >>> 0;
  const key = mix32(low ^ mix32(high + GOLDEN));
  return mix32(key ^ mix32(Math.imul(repetition + 1, GOLDEN)));
}
