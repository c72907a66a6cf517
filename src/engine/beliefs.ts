/**
 * Beliefs: a belief changes only when new evidence is at least as strong as what it rests on.
 */

import type { Belief } from '../model/knowledge.js';
import type { BeliefSource } from '../vocabulary/beliefs.js';
import type { Representation } from '../vocabulary/representations.js';

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
