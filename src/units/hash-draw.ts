/**
 * Draws that are the same every time for the same keys, without taking anything from the world's
 * random stream: for choices made after the fact (which words narrate an event) that must not change
 * what happens. A counter-based hash, as in Random123's Philox or SplitMix: mix the keys, read a share.
 */

/** MurmurHash3's 32-bit finaliser: every input bit moves about half the output bits. */
function mix(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A number in [0, 1) fixed by the keys (whole numbers, e.g. a seed and an event id). */
export function hashDraw(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) h = mix(h ^ mix(Math.trunc(key) + 0x632be5ab));
  return h / 2 ** 32;
}

/** One of `options`, fixed by the keys. */
export const hashPick = <T>(options: readonly T[], ...keys: number[]): T =>
  options[Math.floor(hashDraw(...keys) * options.length)]!;
