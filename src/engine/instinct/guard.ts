/**
 * Guard and aggression, acted on: an alpha whose aggression reaches `thresholds.snarl` snarls; at a
 * later instant, if it beats self-control, he seizes the threat (`restrain`, a coming close that consent
 * still rules); below self-control but past `thresholds.resist` of it, the impulse shows as held back
 * (`resist`); calm enough, or apart, he lets go (`release`).
 */
import { round3 } from '../../units/numbers.js';
import { perform } from '../actions/perform.js';
import { type Engine, idOf } from '../state/context.js';
import { emitAbout, lastEventIds } from '../state/log.js';
import { pairOf } from '../state/pairs.js';
import { refused } from '../systems/consent.js';
import { lastDriveEvent, level } from './drive-slots.js';

export function decideGuard(w: Engine, a: number, x: number, threshold: number): void {
  const s = w.s;
  const t = s.t;
  const pair = pairOf(w, a, x);
  const { resisted, snarled } = s.pairs;
  const limits = w.canon.instinct.thresholds;
  const together = s.place[a] === s.place[x];
  const aggression = level(w, a, x, 'aggression');
  const grounds = lastDriveEvent(w, a, x, 'aggression');
  const numbers = { aggression: round3(aggression), threshold: round3(threshold) };
  if (s.restrainedBy[x] === a) {
    // Calm enough to let go, or no longer there to hold on.
    if (aggression < limits.release * threshold || !together) {
      s.restrainedBy[x] = -1;
      // What is left of the impulse after letting go is not a new one to hold back.
      resisted[pair] = 1;
      emitAbout(w, 'release', { actor: a, target: x }, grounds, {
        ...numbers,
        release: round3(limits.release * threshold),
      });
    }
  } else if (aggression >= limits.snarl && !snarled[pair] && together) {
    // A snarl first; a restraint, if it comes, comes at a later instant.
    snarled[pair] = t + 1;
    emitAbout(w, 'snarl', { actor: a, target: x }, grounds, {
      aggression: round3(aggression),
      threshold: limits.snarl,
    });
  } else if (
    aggression >= threshold &&
    together &&
    (s.restrainedBy[x] ?? -1) < 0 &&
    (!snarled[pair] || snarled[pair]! - 1 < t) &&
    !(refused(w, x, a) && resisted[pair])
  ) {
    // Seizing someone is coming close to them: consent still rules, whatever the drive. The attempt
    // is blocked once, and not retried while the impulse lasts.
    if (refused(w, x, a)) {
      resisted[pair] = 1;
      perform(w, { do: 'approach', target: idOf(w, x), at: t, actor: idOf(w, a) }, grounds);
    } else {
      s.restrainedBy[x] = a;
      const id = emitAbout(
        w,
        'restrain',
        { actor: a, target: x },
        [...grounds, ...lastEventIds(w, 'snarl', a, x)],
        numbers,
      );
      perform(w, { do: 'approach', target: idOf(w, x), at: t, actor: idOf(w, a) }, [id]);
    }
  } else if (
    aggression >= limits.resist * threshold &&
    aggression < threshold &&
    together &&
    !resisted[pair]
  ) {
    resisted[pair] = 1;
    emitAbout(w, 'resist', { actor: a, target: x, value: 'aggression' }, grounds, numbers);
  }
  if (aggression < limits.resist * threshold * limits.reset) {
    resisted[pair] = 0;
    if (aggression < limits.snarl * limits.reset) snarled[pair] = 0;
  }
}
