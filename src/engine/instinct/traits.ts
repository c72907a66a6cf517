/**
 * What instinct knows of a character and of a pair: youth and habituation (how hard a body reacts),
 * chemistry and trust (from `relations:`, or derived from the two signatures).
 */
import type { CharacterDef, RelationDef } from '../../model/definition.js';
import type { Engine } from '../state/context.js';

/** The index of a character named in an event (−1: none, or nobody by that id). */
export const indexOf = (w: Engine, id: string | undefined): number =>
  id === undefined ? -1 : (w.charIndex.get(id) ?? -1);

/** The declared relation of a pair, either way round. A rule about "everyone" (−1) has none. */
export function relation(w: Engine, a: number, b: number): RelationDef | undefined {
  if (a < 0 || b < 0) return undefined;
  return w.relationOf.get(a * w.n + b);
}

/**
 * The declared relations by pair (a·n + b, both ways round; the first declared for a pair holds), so
 * that a rule weighing a pair in a crowd does not read the whole list.
 */
export function relationIndex(
  index: ReadonlyMap<string, number>,
  n: number,
  relations: readonly RelationDef[],
): Map<number, RelationDef> {
  const byPair = new Map<number, RelationDef>();
  for (const r of relations) {
    const a = index.get(r.between[0]);
    const b = index.get(r.between[1]);
    if (a === undefined || b === undefined || a === b) continue;
    if (!byPair.has(a * n + b)) byPair.set(a * n + b, r);
    if (!byPair.has(b * n + a)) byPair.set(b * n + a, r);
  }
  return byPair;
}

export function trust(w: Engine, a: number, b: number): number {
  return relation(w, a, b)?.trust ?? w.canon.instinct.defaultTrust;
}

/** Pair chemistry: declared, or fixed by the two signatures. */
export function affinity(w: Engine, a: number, b: number): number {
  if (a < 0 || b < 0) return 1;
  return relation(w, a, b)?.affinity ?? derivedAffinity(w, a, b);
}

/** Chemistry of two signatures, when not given: fixed by their notes, the same in every run. */
function derivedAffinity(w: Engine, a: number, b: number): number {
  const range = w.canon.instinct.derivedAffinity;
  const [x, y] = [w.signatureKeys[a]!, w.signatureKeys[b]!];
  const key = x < y ? `${x}|${y}` : `${y}|${x}`;
  // FNV-1a: a small, stable string hash.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return range.min + (range.max - range.min) * (hash / 0xffffffff);
}

/** What fixes a signature's chemistry: its representation and its notes, in order. */
export const signatureKey = (c: CharacterDef): string =>
  `${c.representation}:${[...c.notes].sort().join(',')}`;

/** How much harder the young react: 1 from `instinct.youth.age` on. */
export function youth(w: Engine, c: number): number {
  const young = w.canon.instinct.youth;
  const age = w.definition.characters[c]!.age;
  if (age === undefined || age >= young.age) return 1;
  return Math.min(young.max, 1 + (young.gain * (young.age - age)) / young.span);
}

/** How much harder an unhabituated nose reacts. */
export const unhabituated = (w: Engine, c: number): number =>
  1 + w.canon.instinct.unhabituatedGain * (1 - w.s.habituation[c]!);
