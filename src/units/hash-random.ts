/**
 * Counter-based randomness: a draw fixed by the scenario's seed and a key (whose draw it is), not by
 * how many draws came before it. A draw made this way can be added, or made later, without moving
 * any other draw of the run — unlike the world's one PRNG stream, whose order matters.
 */

/** murmur3's 32-bit finaliser: every bit of the input moves every bit of the output. */
function mix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A 32-bit hash of (seed, key, lane). */
function hash(seed: number, key: string, lane: number): number {
  let h = mix((seed >>> 0) ^ Math.imul(lane + 1, 0x9e3779b9));
  h = mix(h ^ Math.floor(seed / 2 ** 32));
  for (let i = 0; i < key.length; i++) h = mix(h ^ Math.imul(key.charCodeAt(i) + i, 0x27d4eb2d));
  return h;
}

/** Uniform in (0, 1), fixed by (seed, key, lane). */
export function hashUniform(seed: number, key: string, lane = 0): number {
  return (hash(seed, key, lane) + 0.5) / 2 ** 32;
}

/** Standard normal, fixed by (seed, key) (Box–Muller over two lanes). */
export function hashNormal(seed: number, key: string): number {
  const u = hashUniform(seed, key, 0);
  const v = hashUniform(seed, key, 1);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A number in [0, 1) fixed by whole-number keys (a seed and an event id): for choices made after the
 * fact (which words narrate an event), which take nothing from the world's stream.
 */
export function hashDraw(...keys: number[]): number {
  return hashWord(...keys) / 2 ** 32;
}

/** A 32-bit word fixed by whole-number keys (each key's bits above 2³² count too). */
export function hashWord(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) {
    const whole = Math.trunc(key);
    h = mix(h ^ mix(whole + 0x632be5ab));
    const high = Math.floor(whole / 2 ** 32);
    if (high) h = mix(h ^ mix(high + 0x2545f491));
  }
  return h;
}

/** One of `options`, fixed by the keys. */
export const hashPick = <T>(options: readonly T[], ...keys: number[]): T =>
  options[Math.floor(hashDraw(...keys) * options.length)]!;
