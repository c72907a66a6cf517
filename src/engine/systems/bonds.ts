/**
 * Bonds: a mark given with the other's consent forms a mutual bond (a new one replaces an old one on
 * both sides). Mates know each other's true representation (a bond is a record), and a consented bond
 * carries standing consent between the two, which either withdraws with a `refuse`. A bonded
 * character reacts far less to anyone but their mate (`bonds.damping`, the `bond-damping` factor), an
 * omega is barely uneasy at her own mate (`mate-ease`), and a bonded alpha is drawn by his own mate's
 * heat and no one else's (`unbonded-or-mate`). Whoever can read a bonded character's representation
 * by scent reads the bond too, and an alpha who has holds back toward an omega claimed by another
 * (`claimed-elsewhere`, `not-claimed-elsewhere`). Mates apart: `separation.ts`.
 */
import type { Engine } from '../state/context.js';
import { representationOf } from '../state/context.js';
import { emit, emitAbout, lastEventIds, type Who } from '../state/log.js';
import { pairOf, pairValue } from '../state/pairs.js';
import { adopt } from './beliefs.js';
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
  const bond = emit(w, 'bond', who, [id, ...lastEventIds(w, 'consent', target, a)]);
  for (const [c, mate] of [
    [a, target],
    [target, a],
  ] as const) {
    // The bond is consent standing both ways, and knowing what the other truly is.
    w.s.pairs.consents[pairOf(w, c, mate)] = 1;
    w.s.apartSince[c] = null;
    w.s.separation[c] = 0;
    adopt(w, c, mate, representationOf(w, mate), 'record', w.canon.beliefs.record, [bond]);
  }
  return true;
}

/** At the start: mates know each other's true representation (a bond is a record). */
export function knowMates(w: Engine): void {
  for (let c = 0; c < w.n; c++) {
    const mate = w.s.bondedTo[c]!;
    if (mate >= 0) adopt(w, c, mate, representationOf(w, mate), 'record', w.canon.beliefs.record, []);
  }
}

/** `c`'s mate if they are bonded and not in the same place, else −1. */
export function mateApart(w: Engine, c: number): number {
  const mate = w.s.bondedTo[c]!;
  return mate >= 0 && w.s.place[mate] !== w.s.place[c] ? mate : -1;
}

/** Whether `feeler` has smelled that `other` is bonded to someone else than `feeler`. */
export function claimedElsewhere(w: Engine, feeler: number, other: number): boolean {
  const partner = w.s.bondedTo[other]!;
  return partner >= 0 && partner !== feeler && pairValue(w, 'bondRecognised', feeler, other) === 1;
}

/** How strongly `feeler` reacts toward `other`: `bonds.damping` when bonded to someone else, else 1. */
export function bondDamping(w: Engine, feeler: number, other: number): number {
  const partner = w.s.bondedTo[feeler]!;
  return partner >= 0 && partner !== other ? w.canon.bonds.damping : 1;
}

/** `o` has just read `e`'s representation by scent: if `e` is bonded, `o` smells the bond (once). */
export function recogniseBond(w: Engine, o: number, e: number): void {
  const partner = w.s.bondedTo[e]!;
  if (partner < 0 || partner === o) return;
  const pairs = w.s.pairs;
  const pair = pairOf(w, o, e);
  if (pairs.bondRecognised[pair]) return;
  pairs.bondRecognised[pair] = 1;
  emitAbout(w, 'recognise-bond', { actor: o, target: e, value: w.definition.characters[partner]!.id }, [
    ...lastEventIds(w, 'bond', e, partner),
    ...lastEventIds(w, 'bond', partner, e),
    ...(pairs.perceptEvents[pair] ? [pairs.perceptEvents[pair]!] : []),
  ]);
}
