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
import { liveSlots } from './drives.js';
import { decideGuard } from './guard.js';
import { decideLonging } from './longing.js';

export function decide(w: Engine): void {
  const s = w.s;
  // Only pairs that have ever felt something can have anything to decide or to reset.
  const pairs = [...new Set(liveSlots(w).map((slot) => Math.floor(slot / DRIVE_COUNT)))];
  for (const pair of pairs) {
    const a = Math.floor(pair / w.n);
    const x = pair % w.n;
    if (x === a) continue;
    const slot = pair * DRIVE_COUNT;
    // Most pairs feel nothing at most instants: nothing to decide, nothing to reset.
    if (
      !s.drives[slot + DRIVE.aggression] &&
      !s.drives[slot + DRIVE.discomfort] &&
      !s.drives[slot + DRIVE.longing] &&
      s.restrainedBy[x] !== a &&
      !s.snarled[pair] &&
      !s.resisted[pair] &&
      !s.resistedLonging[pair]
    ) {
      continue;
    }
    const threshold = selfControlLine(w, a);
    decideGuard(w, a, x, threshold);
    decideDiscomfort(w, a, x);
    decideLonging(w, a, x, threshold);
  }
}
