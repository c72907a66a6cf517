/**
 * The shape of a canon: every number a world rule reads. Presets (`seeds`, `classic`) fill it in;
 * a scenario's `canon_overrides` patches any leaf by dotted path (see `applyOverrides`).
 *
 * Units: emission in scent units per hour (u/h), concentration in u/m³, flows in m³/h, durations in
 * seconds, doses in the engine's perceptual units (concentration × sensitivity).
 */

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
     * the air at the start is as if everyone had been where they are, doors as they are, for this
     * long (seconds): scents have built up, not started from nothing
     */
    settle: number;
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
  /** a character's `cycle:` fields left out take these values */
  cycleDefaults: {
    /** seconds between onsets */
    period: number;
    /** seconds of heat */
    duration: number;
    /** standard deviation of the period, seconds */
    variability: number;
  };
  /** wearable and carried items */
  gear: Record<string, GearCanon>;
  /** medications the `take` / `stop` actions and `medication:` may name */
  medications: string[];
}

export type CanonPresetName = 'seeds' | 'classic';
