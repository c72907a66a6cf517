/**
 * When an omega's heats come by her cycle's definition: the period and duration she lives by, natural
 * or under a suppressant regimen, and the onset after a given one. The body (the engine) and the
 * calendar's forecasts both read it.
 */
import type { Canon } from '../canon/types.js';
import type { CycleDef } from './definition.js';

export const cyclePeriod = (cycle: CycleDef, canon: Canon, masked: boolean) =>
  masked ? canon.suppressant.period : cycle.period;

export const heatDuration = (cycle: CycleDef, canon: Canon, masked: boolean) =>
  masked ? canon.suppressant.duration : cycle.duration;

/** The onset after `lastOnset`: a recorded future onset if the scenario gives one, else one period on. */
export function nextOnset(cycle: CycleDef, canon: Canon, lastOnset: number, masked: boolean): number {
  for (const onset of cycle.onsets) if (onset > lastOnset) return onset;
  return lastOnset + cyclePeriod(cycle, canon, masked);
}
