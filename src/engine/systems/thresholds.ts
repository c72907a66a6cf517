/** Each nose's own thresholds: a factor per observer, subject and percept, fixed as a pair meets. */
import { THRESHOLD, THRESHOLD_COUNT, type ThresholdName } from '../../vocabulary/thresholds.js';
import type { Engine } from '../state/context.js';

/** The pair's holder's own factor on threshold `which` for the other (log-normal around 1). */
export function threshold(w: Engine, pair: number, which: ThresholdName): number {
  return w.thresholds[pair * THRESHOLD_COUNT + THRESHOLD[which]]!;
}
