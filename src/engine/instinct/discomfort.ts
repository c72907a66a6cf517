/**
 * Discomfort, acted on: an omega near an unfamiliar strong alpha scent whose unease reaches
 * `thresholds.shiver` shivers (at most once per `shiverCooldown`), and a shiver agitates her, which
 * adds a sour note to her scent.
 */
import { round3 } from '../../units/numbers.js';
import type { Engine } from '../state/context.js';
import { emitAbout } from '../state/log.js';
import { lastDriveEvent, level } from './drive-slots.js';

export function decideDiscomfort(w: Engine, a: number, x: number): void {
  const s = w.s;
  const instinct = w.canon.instinct;
  const discomfort = level(w, a, x, 'discomfort');
  if (
    discomfort >= instinct.thresholds.shiver &&
    s.place[a] === s.place[x] &&
    s.t - (s.lastShiver[a] ?? 0) >= instinct.shiverCooldown
  ) {
    s.lastShiver[a] = s.t;
    s.agitation[a] = Math.min(1, s.agitation[a]! + instinct.shiverAgitation);
    emitAbout(w, 'shiver', { actor: a, target: x }, lastDriveEvent(w, a, x, 'discomfort'), {
      discomfort: round3(discomfort),
      threshold: instinct.thresholds.shiver,
    });
  }
}
