/**
 * Bonds: a mark given with the other's consent forms a mutual bond (a new one replaces an old one on
 * both sides). A bonded character reacts far less to anyone but their partner (`bonds.damping`, the
 * `bond-damping` factor of the drive rules), and whoever can read a bonded character's representation
 * by scent reads the bond too.
 */
import type { Engine } from '../state/context.js';
import { emit, emitAbout, lastEventIds, type Who } from '../state/log.js';
import { consented } from './consent.js';

/**
 * `a` marks `target`: without `target`'s consent the mark is blocked (`consent-block`); with it, the
 * two are bonded. Returns whether the mark was made.
 */
export function mark(w: Engine, a: number, target: number, who: Who, causes: number[]): boolean {
  if (!consented(w, target, a)) {
    // A mark needs both: the marker's act is theirs; the other's must have been given.
    emitAbout(w, 'consent-block', { actor: a, target, value: 'mark' }, causes, { reason: 'no consent' });
    return false;
  }
  const id = emit(w, 'mark', who, causes);
  for (const c of [a, target]) {
    const old = w.s.bondedTo[c]!;
    if (old >= 0) w.s.bondedTo[old] = -1;
  }
  w.s.bondedTo[a] = target;
  w.s.bondedTo[target] = a;
  emit(w, 'bond', who, [id, ...lastEventIds(w, 'consent', target, a)]);
  return true;
}

/** How strongly `feeler` reacts toward `other`: `bonds.damping` when bonded to someone else, else 1. */
export function bondDamping(w: Engine, feeler: number, other: number): number {
  const partner = w.s.bondedTo[feeler]!;
  return partner >= 0 && partner !== other ? w.canon.bonds.damping : 1;
}

/** `o` has just read `e`'s representation by scent: if `e` is bonded, `o` smells the bond (once). */
export function recogniseBond(w: Engine, o: number, e: number): void {
  const pair = o * w.n + e;
  const partner = w.s.bondedTo[e]!;
  if (partner < 0 || partner === o || w.s.bondRecognised[pair]) return;
  w.s.bondRecognised[pair] = 1;
  emitAbout(w, 'recognise-bond', { actor: o, target: e, value: w.definition.characters[partner]!.id }, [
    ...lastEventIds(w, 'bond', e, partner),
    ...lastEventIds(w, 'bond', partner, e),
    ...(w.s.perceptEvents[pair] ? [w.s.perceptEvents[pair]!] : []),
  ]);
}
