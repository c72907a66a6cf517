/**
 * Longing, acted on: an alpha drawn to someone reaches out (a touch) only with their consent and only
 * when the pull beats self-control; otherwise the impulse is held (`resist`, once by self-control alone
 * and once more, "no consent", if it grows past it). A longing that reaches `thresholds.whine` when
 * contact ends or he is sent away comes out as a whine.
 */
import type { WorldEvent } from '../../model/events.js';
import { round3 } from '../../units/numbers.js';
import { perform } from '../actions/perform.js';
import { type Engine, idOf } from '../state/context.js';
import { emitAbout, lastEventIds } from '../state/log.js';
import { pairOf } from '../state/pairs.js';
import { consented, refused } from '../systems/consent.js';
import { lastDriveEvent, level } from './drive-slots.js';

/** A longing impulse (from `event`) that reached the whine line comes out as a whine. */
export function whine(
  w: Engine,
  feeler: number,
  other: number,
  longing: number,
  driveEvent: number,
  event: WorldEvent,
): void {
  const line = w.canon.instinct.thresholds.whine;
  if (longing < line) return;
  emitAbout(w, 'whine', { actor: feeler, target: other }, [driveEvent], {
    longing: round3(longing),
    threshold: line,
    reason: event.type === 'order' ? 'sent-away' : 'touch-ended',
  });
}

export function decideLonging(w: Engine, a: number, x: number, threshold: number): void {
  const s = w.s;
  const pair = pairOf(w, a, x);
  const { resistedLonging, touching } = s.pairs;
  const limits = w.canon.instinct.thresholds;
  const together = s.place[a] === s.place[x];
  const longing = level(w, a, x, 'longing');
  const grounds = lastDriveEvent(w, a, x, 'longing');
  // Welcome only where x has consented and neither has refused the other: one who has said no does
  // not reach, by instinct, for the one they refused.
  const ownRefusal = refused(w, a, x);
  const welcome = consented(w, x, a) && !refused(w, x, a) && !ownRefusal;
  if (longing >= threshold && welcome && together && !touching[pair]) {
    perform(w, { do: 'touch', target: idOf(w, x), at: s.t, actor: idOf(w, a) }, [
      ...grounds,
      ...lastEventIds(w, 'consent', x, a),
    ]);
  } else if (
    longing >= Math.max(limits.resist * threshold, limits.notice) &&
    together &&
    !welcome &&
    resistedLonging[pair]! < (longing >= threshold ? 2 : 1)
  ) {
    // Held once by self-control alone, and once more if the pull grows past it without consent.
    resistedLonging[pair] = longing >= threshold ? 2 : 1;
    emitAbout(w, 'resist', { actor: a, target: x, value: 'longing' }, grounds, {
      longing: round3(longing),
      threshold: round3(threshold),
      reason: longing < threshold ? 'self-control' : ownRefusal ? 'own refusal' : 'no consent',
    });
  } else if (longing < limits.resist * threshold * limits.reset) resistedLonging[pair] = 0;
}
