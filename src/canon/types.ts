/**
 * The shape of a canon: every number a world rule reads. Presets (`seeds`, `classic`) fill it in;
 * a scenario's `canon_overrides` patches any leaf by dotted path (see `applyOverrides`).
 *
 * Units: emission in scent units per hour (u/h), concentration in u/m³, flows in m³/h, durations in
 * seconds, doses in the engine's perceptual units (concentration × sensitivity).
 */
import type { DriveRule, InstinctCanon, OrdersCanon } from './instinct.js';

export interface RepresentationCanon {
  /** base emission of the representation note plus personal notes, u/h */
  emission: number;
  /** multiplier on everything this nose takes in */
  sensitivity: number;
}

export interface GearCanon {
  /** fraction of the wearer's emission that reaches the air (1: no effect) */
  emissionPass: number;
  /** fraction of the surrounding air's scent that reaches the wearer's nose (1: no effect) */
  intakePass: number;
  /**
   * A sealing item holds the blocked part of the wearer's emission inside, where it lingers with this
   * time constant (seconds) and is released into the room at once when the item comes off. 0: not sealing.
   */
  trapTime: number;
  /** whether the item can be aimed at someone */
  weapon: boolean;
}

export interface Canon {
  representations: {
    alpha: RepresentationCanon;
    beta: RepresentationCanon;
    omega: RepresentationCanon;
    unpresented: RepresentationCanon;
  };
  signature: {
    /** share of a signature carried by personal notes (the rest is the representation note) */
    personalShare: number;
  };
  air: {
    /** exchange through an open door, m³/h */
    openDoorFlow: number;
    /** leakage around a closed door, m³/h */
    closedDoorFlow: number;
    /** leakage through a sealed door, m³/h */
    sealedDoorFlow: number;
    /**
     * near-field/far-field exchange rate around a close emitter, m³/h: a close emitter adds
     * emission / nearFieldFlow on top of the room's well-mixed level.
     */
    nearFieldFlow: number;
    /** scene resolution: the longest step between two perception checks, seconds */
    tick: number;
    /**
     * the longest step while nobody shares a place but someone's scent is, or may soon be, where
     * someone else is (seconds); when no one can smell anyone, the world jumps to its next instant
     */
    quietTick: number;
    /**
     * the air at the start is as if everyone had been where they are, doors as they are, for this
     * long (seconds), or for good (`steady`: each scent at its steady state, solved directly): scents
     * have built up, not started from nothing (0: clean air)
     */
    settle: number | 'steady';
  };
  perception: {
    /** dose of a signature at which its presence is noticed */
    detect: number;
    /** dose of a representation note at which the representation is identified */
    identify: number;
    /** dose of the heat note at which heat is recognised */
    recogniseHeat: number;
    /** log-normal spread of each observer's personal thresholds (0: none) */
    thresholdNoise: number;
    /** after a detection, the dose must fall below this fraction of the threshold before another */
    rearm: number;
    /**
     * share of `detect`: a scent thinner in the air than this share of the keenest nose's detection
     * level counts as gone (its plume ends there), so air is only worked on where it could matter
     */
    trace: number;
  };
  residue: {
    /** share of the other's emission rate left on skin and clothes by one contact */
    transfer: number;
    /** half-life of residue, seconds */
    halfLife: number;
    /** share of residue one shower removes */
    showerRemoval: number;
  };
  heat: {
    /** how long before onset the pre-heat ramp begins, seconds */
    preHeatWindow: number;
    /** emission multiplier reached at the end of pre-heat */
    preHeatEmission: number;
    /** heat-note level (share of emission) reached at the end of pre-heat */
    preHeatNote: number;
    /** emission multiplier during heat */
    heatEmission: number;
    /** heat-note level during heat */
    heatNote: number;
    /** seconds an onset is brought forward per unit of alpha-note dose per second, in pre-heat */
    advanceRate: number;
    /** the most an onset can be brought forward by exposure, seconds */
    advanceCap: number;
  };
  /** an alpha's rut: the cycle's build-up and its effects (a character's `rut:` needs `enabled`) */
  rut: {
    /** whether this canon's alphas have ruts: a `rut:` is an error where they do not */
    enabled: boolean;
    /** how long before onset the pre-rut build-up begins, seconds */
    preRutWindow: number;
    /** emission multiplier reached at the end of pre-rut */
    preRutEmission: number;
    /** rut-note level (share of emission) reached at the end of pre-rut */
    preRutNote: number;
    /** emission multiplier during rut */
    rutEmission: number;
    /** rut-note level during rut */
    rutNote: number;
    /** an alpha in rut: guard's aggression impulses are multiplied by this (the `in-rut` factor) */
    aggression: number;
    /** an alpha in rut: the self-control threshold a drive must beat is lowered by this */
    selfControlDrop: number;
    /** seconds a rut is brought forward per unit of heat-note dose per second, in pre-rut */
    advanceRate: number;
    /** the most a rut can be brought forward by an omega's heat nearby, seconds */
    advanceCap: number;
  };
  suppressant: {
    /** what is left of the omega note under the masker */
    omegaNoteTrace: number;
    /** what is left of the heat note under the masker */
    heatNoteTrace: number;
    /** the beta-like note the masker adds, as a share of a beta's representation note */
    betaNote: number;
    /** heat period while on suppressants, seconds */
    period: number;
    /** heat duration while on suppressants, seconds */
    duration: number;
  };
  agitation: {
    /** agitation added by telling a lie */
    lie: number;
    /** half-life of agitation, seconds */
    halfLife: number;
    /** sour-note emission per unit of agitation, as a share of base emission */
    sourShare: number;
  };
  lies: {
    /** seconds after speaking at which a listener's nose judges the speaker */
    sniffDelay: number;
    /**
     * sour-note dose at which a lie is detected. A listener senses the truth instead when, had the
     * speaker lied, the sour note would have reached this threshold (only at close range: the room
     * does not fill with a fresh sour note in the seconds before a listener judges).
     */
    sourThreshold: number;
  };
  /** how sure each kind of evidence makes a belief (a belief's `confidence`, 0..1) */
  beliefs: {
    /** no scent, no record: the presented representation, or beta */
    assumed: number;
    /** someone said so (and the listener did not smell a lie) */
    told: number;
    /** from a record or file (`knows:`) */
    record: number;
    /** an identification by scent at exactly the identifying dose (also the least it can be) */
    scentAtThreshold: number;
    /** added per doubling of the note's dose above the identifying dose, up to 1 */
    scentPerDoubling: number;
    /** recognising a heat (only an omega is in heat) is surer than being told by this much */
    heatOverTold: number;
  };
  /** a character's `rut:` fields left out take these values */
  rutDefaults: {
    /** seconds between onsets */
    period: number;
    /** seconds of rut */
    duration: number;
    /** standard deviation of the period, seconds */
    variability: number;
  };
  /** a character's `cycle:` fields left out take these values */
  cycleDefaults: {
    /** seconds between onsets */
    period: number;
    /** seconds of heat */
    duration: number;
    /** standard deviation of the period, seconds */
    variability: number;
  };
  /** heat forecasts and the roster check (`src/calendar`), in the manner of open cycle trackers */
  forecast: ForecastCanon;
  instinct: InstinctCanon;
  /** the drive rules, by id: data a scenario can switch off or retune through `canon_overrides` */
  rules: Record<string, DriveRule>;
  orders: OrdersCanon;
  bonds: {
    /** a bonded character's reactions to anyone but their partner are scaled by this */
    damping: number;
    /** an omega's unease at her own mate's scent is scaled by this (the `mate-ease` factor) */
    mateUnease: number;
    /**
     * an alpha who has smelled that an omega is bonded to someone else feels this share of the
     * protectiveness he would (the `claimed-elsewhere` factor); his pull toward her is blocked
     */
    claimedElsewhere: number;
    /** mates apart this long (seconds) grow restless, then ache, then feel unwell */
    separation: { restless: number; aching: number; unwell: number };
    /** mates apart this long (seconds) lose the bond; 0: never */
    fadeAfter: number;
  };
  /**
   * the scent notes characters may name (`notes:`), each with a few words for a reader; a name not
   * listed is used as written
   */
  scentNotes: Record<string, string>;
  /** the notes of a character who names none, by what they are (for narration: chemistry is unchanged) */
  scentDefaults: Record<'alpha' | 'beta' | 'omega' | 'unpresented', string[]>;
  /** wearable and carried items */
  gear: Record<string, GearCanon>;
  /** medications the `take` / `stop` actions and `medication:` may name */
  medications: Record<string, MedicationCanon>;
  /** how the beats view tells a run: paragraphs, the levels lasting states are told at, reminders */
  narration: NarrationCanon;
  /** who a generated crew is made of (`omegaverse generate crew`); no world rule reads these */
  population: PopulationCanon;
}

/**
 * The beats view's pacing (`src/narrate/beats/`). Nothing here changes what happens in a world: only
 * how much of it is told, and when.
 */
export interface NarrationCanon {
  /** a paragraph of beats holds what happens within this long (seconds) of its first beat */
  paragraph: number;
  /** the air in a place where someone is, told as it rises through these levels (total scent, u/m³) */
  scent: {
    /** a hint of someone in the air */
    faint: number;
    /** a room that plainly smells of someone */
    clear: number;
    /** scent that has built up: two people behind a closed door, a heat in a small room */
    thick: number;
    /** more than anyone could ignore */
    overwhelming: number;
  };
  /** a level is left (and may be told again) once what reached it falls under this share of it */
  fade: number;
  /**
   * a lasting state (a drive held above the line of self-control, thick air) is recalled this often
   * while it lasts, and a reaction repeated within this long of its last telling is left out (seconds)
   */
  reminder: number;
  /** a body's lasting state (pre-heat, heat) is recalled this often while it lasts (seconds) */
  bodyReminder: number;
  /**
   * the most reminders' instants in one run: a run longer than `recalls` × an interval recalls its
   * lasting states at longer intervals (a year of a crew's heats is not told every six hours)
   */
  recalls: number;
  /** the finest step at which a run is read for lasting states (seconds) */
  sample: number;
  /** the most readings of one run: a longer run is read at longer steps */
  samples: number;
  /** in a scene outline, a gap this long (seconds) between beats starts a new scene heading */
  sceneBreak: number;
}

/**
 * A population's make-up, for the crew generator: representation ratios, the share on suppressants,
 * families and what children inherit, ages, partners and bonds. Shares are 0..1.
 */
export interface PopulationCanon {
  /** share of presented people who are alphas */
  alphaShare: number;
  /** share of presented people who are omegas (betas are the rest) */
  omegaShare: number;
  /** share of adult omegas on a suppressant regimen */
  suppressantShare: number;
  /** share of omegas on suppressants who present as betas (the rest present as what they are) */
  concealShare: number;
  /** share of the crew who live aboard as families (a couple and their children), when families are asked for */
  familyShare: number;
  /** a presented child takes one parent's representation (either, evenly) with this probability; otherwise the ratios above */
  inheritShare: number;
  /** age at which the young present; younger children are unpresented */
  presentationAge: number;
  /** the youngest and oldest adult crew member, years */
  adultAge: { min: number; max: number };
  /** share of the adults outside families who have a partner aboard (they share a cabin and take leave together) */
  partnerShare: number;
  /** share of alpha–omega couples who are bonded */
  bondShare: number;
  /** recorded heat onsets in each adult omega's history (the forecast needs `forecast.minCycles` + 1) */
  recordedCycles: number;
}

export interface MedicationCanon {
  /**
   * true: a suppressant, with the effects of `suppressant` (a beta-like masker over the omega and heat
   * notes, and the stretched cycle the calendar forecasts from the regimen)
   */
  masks: boolean;
}

/**
 * How heats are forecast from a record and how a roster is checked against the forecasts. The history
 * rules follow open cycle trackers such as drip: a minimum of recorded cycles, overlong cycles (a missed
 * record) left out of the baseline, a few windows ahead whose width follows the spread of past cycles.
 */
export interface ForecastCanon {
  /** no forecast from history before this many counted cycles (differences between recorded onsets) */
  minCycles: number;
  /** a cycle longer than this (seconds) is left out of the baseline: most likely a missed record */
  longestCycle: number;
  /**
   * …and so is a cycle longer than this many of the character's declared periods: a long declared
   * cycle moves the cut-off with it (the larger of the two applies)
   */
  missedRecordPeriods: number;
  /** how many windows to forecast */
  windowsAhead: number;
  /** a window's half-width is this × the standard deviation of the counted cycle lengths… */
  spreadToWidth: number;
  /** …at least this (seconds), and grows by √k for the k-th cycle ahead */
  minHalfWidth: number;
  /** half-width of a window forecast from the suppressant regimen, seconds */
  regimenHalfWidth: number;
  /** a window's core (where a roster conflict is `likely`) is center ± this share of the half-width */
  coreShare: number;
  /** a reminder fires this long (seconds) before each predicted onset (a window's center) */
  reminderLead: number;
  /** after the suppressant is stopped, the first natural cycle's window is this many times as wide */
  stopIrregularity: number;
  /** how many reschedule proposals a conflicted roster event gets */
  proposals: number;
  /** the step between candidate slots for a rescheduled event, seconds */
  proposalStep: number;
}

export type CanonPresetName = 'seeds' | 'classic';
