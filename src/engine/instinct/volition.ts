/**
 * Volition: drives against self-control. For each pair that has ever felt something, the engine acts,
 * holds back or lets go — aggression (`guard.ts`), discomfort (`discomfort.ts`) and longing
 * (`longing.ts`), in that order — at the feeler's self-control threshold (base + scale × self_control,
 * plus their drawn noise).
 */
import { DRIVE, DRIVE_COUNT } from '../../vocabulary/drives.js';
import type { Engine } from '../state/context.js';
import { selfControlLine } from '../systems/rut.js';
import { decideDiscomfort } from './discomfort.js';
import { inPairOrder } from './drive-slots.js';
import { decideGuard } from './guard.js';
import { decideLonging } from './longing.js';

export function decide(w: Engine): void {
  const s = w.s;
  const { drives, holder, other, snarled, resisted, resistedLonging } = s.pairs;
  // Only pairs that have ever felt something can have anything to decide or to reset.
  const pairs = [...new Set(inPairOrder(w, w.drives.live).map((entry) => Math.floor(entry / DRIVE_COUNT)))];
  for (const pair of pairs) {
    const a = holder[pair]!;
    const x = other[pair]!;
    if (x === a) continue;
    const entry = pair * DRIVE_COUNT;
    // Most pairs feel nothing at most instants: nothing to decide, nothing to reset.
    if (
      !drives[entry + DRIVE.aggression] &&
      !drives[entry + DRIVE.discomfort] &&
      !drives[entry + DRIVE.longing] &&
      s.restrainedBy[x] !== a &&
      !snarled[pair] &&
      !resisted[pair] &&
      !resistedLonging[pair]
    ) {
      continue;
    }
    const threshold = selfControlLine(w, a);
    decideGuard(w, a, x, threshold);
    decideDiscomfort(w, a, x);
    decideLonging(w, a, x, threshold);
  }
}
