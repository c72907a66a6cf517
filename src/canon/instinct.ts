/**
 * The shape of the instinct's canon: the drive rules (as data, in the spirit of the Ensemble
 * engine's trigger rules), the numbers the drives and self-control read, and how orders are weighed.
 * Part of `Canon` (`types.ts`).
 */
import type { DriveName, Mechanic } from '../vocabulary/drives.js';

/**
 * A drive rule, in the spirit of the Ensemble engine's trigger rules: who feels it, what sets it off,
 * what must hold, and which drive moves by how much. Conditions and factors name entries of the
 * vocabularies in `src/engine/instinct/rules.ts`.
 */
export interface DriveRule {
  /** the mechanic this rule serves */
  mechanic: Mechanic;
  /** false: the rule never fires */
  enabled: boolean;
  /** the representations whose drive the rule moves */
  feels: ('alpha' | 'beta' | 'omega' | 'unpresented')[];
  /** `presence`: every instant while the conditions hold, for each other character; or an event type */
  on: string;
  /** all must hold */
  when: string[];
  drive: DriveName;
  /**
   * whose slot of the feeler's drive moves: the other character considered (`subject`, with
   * `presence`), the event's actor or target, or every slot the feeler has (`all`)
   */
  toward: 'subject' | 'event-actor' | 'event-target' | 'all';
  /**
   * `level`: the drive rises toward amount × factors (time constant `instinct.riseTime`);
   * `add`: an impulse of amount × factors; `calm`: the drive is multiplied by 1 − amount × factors
   */
  change: 'level' | 'add' | 'calm';
  amount: number;
  /** multipliers on the amount */
  factors: string[];
}

export interface InstinctCanon {
  /** half-life of each drive once nothing sustains it, seconds */
  halfLife: Record<DriveName, number>;
  /** time constant with which a `level` rule's drive approaches its level, seconds */
  riseTime: Record<DriveName, number>;
  /** a drive becomes an action when it beats base + scale × self_control (plus noise) */
  selfControl: { base: number; scale: number; noise: number };
  /** under this age reactions are amplified by 1 + gain × (age − this) / span, up to `max` */
  youth: { age: number; span: number; gain: number; max: number };
  /**
   * habituation to the other representations' scents, 0..1: by default (startAge → 0, + perYear,
   * up to `max`), then growing with exposure (dose-seconds per unit `exposure`)
   */
  habituation: { startAge: number; perYear: number; max: number; exposure: number };
  /** unhabituated reactions are amplified by 1 + gain × (1 − habituation) */
  unhabituatedGain: number;
  /** protect is reduced by this × habituation */
  habituationReducesProtect: number;
  /** chemistry derived from two signatures when `relations:` gives none lies in [min, max] */
  derivedAffinity: { min: number; max: number };
  /** the trust assumed when `relations:` gives none */
  defaultTrust: number;
  thresholds: {
    /** aggression at which an alpha snarls */
    snarl: number;
    /** share of the self-control threshold at which a held impulse shows as `resist` */
    resist: number;
    /** share of the self-control threshold under which a restraint is released */
    release: number;
    /** discomfort at which an omega shivers */
    shiver: number;
    /** longing at which an alpha whines */
    whine: number;
    /** a rising drive is logged once it reaches this level */
    notice: number;
    /**
     * a reaction shown once (snarl, resist, a logged rise) can show again only after its drive falls
     * under this share of the line that brought it out
     */
    reset: number;
  };
  /** the most a rule's dose factor counts a dose, in units of its threshold */
  doseFactorCap: number;
  /** seconds before the same body shivers again */
  shiverCooldown: number;
  /** agitation a shiver adds */
  shiverAgitation: number;
}

/** Whether someone obeys an order: will = Σ terms + noise, obeyed when ≥ 0. */
export interface OrdersCanon {
  /** a constant lean toward obeying (negative: toward defying) */
  base: number;
  /** per rank of difference between giver and receiver */
  rank: number;
  /** a weapon aimed at the receiver */
  coercion: number;
  /** per unit of trust in the giver */
  trust: number;
  /** spread of each order's noise */
  noise: number;
  /** receiver's representation → what they believe the giver is → term */
  believed: Record<
    'alpha' | 'beta' | 'omega' | 'unpresented',
    Record<'alpha' | 'beta' | 'omega' | 'unpresented', number>
  >;
  /** an order defied stands this long (seconds): if coercion comes, it is obeyed then */
  patience: number;
  /**
   * the receiver's self-control pushes back against the instinctive pull of an order (the
   * `believed-*` term when it leans toward obeying, and the command voice): term = −this ×
   * self_control × that pull
   */
  selfControl: number;
  /** the command voice (`order … voice: true`, alphas only): its pull on a receiver, by what they are */
  voice: Record<'alpha' | 'beta' | 'omega' | 'unpresented', number>;
  /** the voice's pull on a receiver bonded to the one using it is multiplied by this */
  voiceMate: number;
  /** …and on a receiver bonded to someone else, by this */
  voiceBonded: number;
}
