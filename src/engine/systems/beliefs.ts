/**
 * Beliefs: what each observer takes each other character to be, with its source and how sure it is
 * (canon `beliefs`). A belief changes only when new evidence is at least as strong as what it rests on.
 */
import type { Belief } from '../../model/knowledge.js';
import type { BeliefSource } from '../../vocabulary/beliefs.js';
import type { Representation } from '../../vocabulary/representations.js';
import { type Engine, idOf, placeOf, representationOf } from '../state/context.js';
import { emit } from '../state/log.js';
import { findPair, pairOf } from '../state/pairs.js';

/**
 * How much a belief's source weighs. A nose beats a file, a file beats hearsay, hearsay beats an
 * assumption. Reading someone as a beta by scent is only the absence of a distinctive note, so it
 * weighs as hearsay: it does not overturn a record.
 */
export function sourceWeight(source: BeliefSource, value: Representation): number {
  switch (source) {
    case 'assumed':
      return 0;
    case 'told':
      return 1;
    case 'record':
      return 2;
    case 'scent':
      return value === 'beta' ? 1 : 3;
  }
}

/** Whether evidence (value, source) should replace `current`. */
export function shouldAdopt(
  current: Belief | undefined,
  value: Representation,
  source: BeliefSource,
): boolean {
  if (!current) return true;
  if (current.value === value && current.source === source) return false;
  return sourceWeight(source, value) >= sourceWeight(current.source, current.value);
}

/** What `o` believes `e` is, if anything. */
export function beliefOf(w: Engine, o: number, e: number): Belief | undefined {
  const pair = findPair(w, o, e);
  return pair < 0 ? undefined : (w.s.pairs.beliefs[pair] ?? undefined);
}

/** `o` comes to believe `e` is `value`, if the evidence weighs enough; logged as a `belief` event. */
export function adopt(
  w: Engine,
  o: number,
  e: number,
  value: Representation,
  source: BeliefSource,
  confidence: number,
  causes: number[],
): void {
  const current = beliefOf(w, o, e);
  if (!shouldAdopt(current, value, source)) return;
  const since = current && current.value === value ? current.since : w.s.t;
  w.s.pairs.beliefs[pairOf(w, o, e)] = { value, source, confidence, since };
  emit(w, 'belief', { actor: idOf(w, o), target: idOf(w, e), place: placeOf(w, o), value }, causes, {
    source,
    confidence,
    ...(current && { previous: current.value, previousSource: current.source }),
  });
}

/** At the start: what each character knows from a record (`knows:`). */
export function adoptRecords(w: Engine): void {
  w.definition.characters.forEach((c, o) => {
    for (const known of c.knows) {
      const e = w.charIndex.get(known)!;
      adopt(w, o, e, representationOf(w, e), 'record', w.canon.beliefs.record, []);
    }
  });
}
