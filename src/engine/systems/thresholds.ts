/** Each nose's own thresholds: a factor per observer, subject and percept, drawn once at the start. */
import { THRESHOLD, THRESHOLD_COUNT, type ThresholdName } from '../../vocabulary/thresholds.js';
import type { Engine } from '../state/context.js';

/** `o`'s own factor on threshold `which` for subject `e` (log-normal around 1, drawn at the start). */
export function threshold(w: Engine, o: number, e: number, which: ThresholdName): number {
  return w.s.thresholds[(o * w.n + e) * THRESHOLD_COUNT + THRESHOLD[which]]!;
}
