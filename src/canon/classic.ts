/**
 * The `classic` canon: the genre's most common conventions where they differ from `seeds`. Anything not
 * named here is as in `seeds`.
 */
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../core/time.js';
import { seeds } from './seeds.js';
import type { Canon } from './types.js';

export const classic: Canon = {
  ...seeds,
  representations: {
    ...seeds.representations,
    // Betas barely smell the others: a common variant (set this to 0 for "betas smell nothing").
    beta: { emission: 120, sensitivity: 0.15 },
  },
  heat: {
    ...seeds.heat,
    // Pre-heat is a day-long build-up,
    preHeatWindow: 24 * SECONDS_PER_HOUR,
    // ...and heat is overwhelming.
    heatEmission: 4,
  },
  suppressant: {
    ...seeds.suppressant,
    // Suppressants are blunter: more of the omega note gets through,
    omegaNoteTrace: 0.15,
    // ...and they do not stretch the cycle: heats stay quarterly, only shorter.
    period: 91 * SECONDS_PER_DAY,
    duration: 2 * SECONDS_PER_DAY,
  },
  cycleDefaults: {
    // Heat every ~3 months for 3–7 days.
    period: 91 * SECONDS_PER_DAY,
    duration: 5 * SECONDS_PER_DAY,
    variability: 7 * SECONDS_PER_DAY,
  },
};
