/**
 * The world's one seeded random source. Its state is a short list of integers, saved in snapshots so
 * that a restored world draws exactly what the original would have.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { hashWord } from './hash-random.js';

export class Prng {
  private constructor(private readonly generator: JumpableRandomGenerator) {}

  /**
   * A generator whose whole state is mixed from the seed: a seed's plain bits as the state (as
   * `xoroshiro128plus(seed)` takes them) make its first draws far from random (a first normal of 5σ).
   */
  static fromSeed(seed: number): Prng {
    const words = [0, 1, 2, 3].map((lane) => hashWord(seed, lane) | 0);
    return new Prng(xoroshiro128plusFromState(words));
  }

  static fromState(state: readonly number[]): Prng {
    return new Prng(xoroshiro128plusFromState(state));
  }

  state(): number[] {
    return [...this.generator.getState()];
  }

  /** uniform in [0, 1) */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  /** standard normal (Box–Muller; one of the pair is dropped to keep the state simple to save) */
  normal(): number {
    const u = 1 - this.uniform(); // (0, 1]: log stays finite
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
