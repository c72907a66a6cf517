/** Draws from the generator's one seeded random source: the same seed, the same crew. */
import type { Prng } from '../units/prng.js';

/** A whole number from `low` to `high`, both included. */
export const int = (rng: Prng, low: number, high: number): number =>
  low + Math.floor(rng.uniform() * (high - low + 1));

/** True with probability `p`. */
export const chance = (rng: Prng, p: number): boolean => rng.uniform() < p;

export const pick = <T>(rng: Prng, items: readonly T[]): T =>
  items[Math.floor(rng.uniform() * items.length)]!;

/** Two decimals: what a person would write in a scenario file. */
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A uniform number from `low` to `high`, to two decimals. */
export const share = (rng: Prng, low: number, high: number): number =>
  round2(low + rng.uniform() * (high - low));
