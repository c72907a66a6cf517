/**
 * The `classic` canon: the genre's most common conventions where they differ from `seeds`. Anything not
 * named here is as in `seeds`.
 */
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../units/time.js';
import type { DriveRule } from './instinct.js';
import { seeds } from './seeds.js';
import type { Canon } from './types.js';

/** The same rules with other amounts: every rule must be named, so none keeps a number by accident. */
function retune(
  rules: Record<string, DriveRule>,
  amounts: Record<string, number>,
): Record<string, DriveRule> {
  return Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => {
      const amount = amounts[id];
      if (amount === undefined) throw new Error(`classic canon: no amount for rule '${id}'`);
      return [id, { ...rule, amount }];
    }),
  );
}

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
  rut: {
    ...seeds.rut,
    // Alphas have ruts, every few months for a few days (`rutDefaults`), with a day-long build-up.
    enabled: true,
    preRutWindow: 24 * SECONDS_PER_HOUR,
    // ...and an omega's heat can bring one on a day early.
    advanceCap: 24 * SECONDS_PER_HOUR,
  },
  suppressant: {
    ...seeds.suppressant,
    // Suppressants are blunter: more of the omega note gets through,
    omegaNoteTrace: 0.15,
    // ...and they do not stretch the cycle: heats stay quarterly, only shorter.
    period: 91 * SECONDS_PER_DAY,
    duration: 2 * SECONDS_PER_DAY,
  },
  // Classic alphas are more territorial and more easily drawn; omegas are more easily unsettled.
  rules: retune(seeds.rules, {
    'protect-identified-omega': 0.7,
    'guard-approach': 1.1,
    'guard-aim': 1.4,
    'guard-touch': 1.3,
    'calm-omega-touch': 0.7,
    'calm-beta-submits': 0.25,
    'calm-reassured': 0.4,
    'calm-truth-sensed': 0.15,
    'discomfort-strong-alpha': 0.5,
    'longing-touch-ends': 1,
    'longing-sent-away': 1,
    'longing-drawn-by-heat': 0.7,
  }),
  bonds: {
    ...seeds.bonds,
    // The common fan convention: distress after about two days apart, illness after about four.
    separation: { restless: SECONDS_PER_DAY, aching: 2 * SECONDS_PER_DAY, unwell: 4 * SECONDS_PER_DAY },
  },
  forecast: {
    // Three recorded cycles before a forecast from history, as in `seeds`,
    minCycles: 3,
    // ...but quarterly heats: only a cycle of more than 135 days (one and a half periods) is a missed record.
    longestCycle: 135 * SECONDS_PER_DAY,
    // ...or of more than one and a half of the character's own declared periods, if that is longer.
    missedRecordPeriods: 1.5,
    // Three heats ahead: most of a year.
    windowsAhead: 3,
    // A window reaches 1.5 standard deviations of the past cycle lengths either side,
    spreadToWidth: 1.5,
    // ...and at least two days either side (drip's wider window).
    minHalfWidth: 2 * SECONDS_PER_DAY,
    // Blunter suppressants keep the heats quarterly but less predictable: ten days either side.
    regimenHalfWidth: 10 * SECONDS_PER_DAY,
    // The middle half of a window is where a heat is likely.
    coreShare: 0.5,
    // A reminder two days ahead: the day-long pre-heat must not catch anyone out.
    reminderLead: 2 * SECONDS_PER_DAY,
    // The first natural cycle after stopping the suppressant is twice as uncertain.
    stopIrregularity: 2,
    // Three reschedule proposals,
    proposals: 3,
    // ...a day apart.
    proposalStep: SECONDS_PER_DAY,
  },
  population: {
    // The common fan convention: a minority of alphas and a smaller minority of omegas; betas are most.
    alphaShare: 0.2,
    omegaShare: 0.1,
    // Suppressants are a choice, not the rule,
    suppressantShare: 0.3,
    // ...and passing as a beta is rarer.
    concealShare: 0.3,
    // Families are common: ships and stations are homes.
    familyShare: 0.3,
    // Representation runs in families half the time.
    inheritShare: 0.5,
    // Presentation comes in the early teens.
    presentationAge: 13,
    adultAge: { min: 18, max: 65 },
    partnerShare: 0.3,
    // Most alpha–omega couples are bonded.
    bondShare: 0.7,
    recordedCycles: 4,
  },
  cycleDefaults: {
    // Heat every ~3 months for 3–7 days.
    period: 91 * SECONDS_PER_DAY,
    duration: 5 * SECONDS_PER_DAY,
    variability: 7 * SECONDS_PER_DAY,
  },
};
