/**
 * The vocabularies drive rules are written in (conditions and factors), their validation at load
 * time, and their evaluation. A rule is data (see `src/canon/rules/`); what each word means is here.
 */
import type { DriveRule } from '../../canon/instinct.js';
import type { WorldEvent } from '../../model/events.js';
import { DRIVES, MECHANICS } from '../../vocabulary/drives.js';
import { EVENT_TYPES } from '../../vocabulary/events.js';
import { NOTE, NOTE_COUNT } from '../../vocabulary/notes.js';
import { REPRESENTATIONS } from '../../vocabulary/representations.js';
import { type Engine, placeOf } from '../state/context.js';
import { beliefOf } from '../systems/beliefs.js';
import { bondDamping, claimedElsewhere } from '../systems/bonds.js';
import { inRut } from '../systems/rut.js';
import { level } from './drive-slots.js';
import { affinity, indexOf, trust, unhabituated, youth } from './traits.js';

/** What a rule is evaluated about: the feeler, the other character, their pair, and the event if any. */
export interface RuleSubject {
  feeler: number;
  /** with `presence`: the character considered; with an event: the slot the rule moves */
  other: number;
  /** the feeler's pair slot with `other` (−1 if they have not met, or there is no other): looked up once, read by many conditions */
  pair: number;
  event?: WorldEvent;
}

/** The dose of the subject's note (an index of NOTE) as the feeler takes it in this instant. */
const dose = (w: Engine, s: RuleSubject, note: number): number =>
  s.pair < 0 ? 0 : w.instantDoses[s.pair * NOTE_COUNT + note]!;

type Condition = {
  needs: 'presence' | 'event';
  /**
   * a `presence` condition that can hold only for a pair near each other (same place, or any dose) or
   * one the feeler has identified: the world then weighs only those pairs, not everyone against everyone
   */
  pairs?: 'near' | 'identified';
  holds: (w: Engine, s: RuleSubject) => boolean;
};
type Factor = { needs: 'presence' | 'event' | 'any'; value: (w: Engine, s: RuleSubject) => number };

const actorOf = (w: Engine, s: RuleSubject) => indexOf(w, s.event?.actor);
const targetOf = (w: Engine, s: RuleSubject) => indexOf(w, s.event?.target);
const protects = (w: Engine, feeler: number, omega: number) =>
  omega >= 0 && level(w, feeler, omega, 'protect') >= w.canon.instinct.thresholds.notice;

export const CONDITIONS: Record<string, Condition> = {
  /** the feeler has identified the subject as an omega by scent */
  'identified-subject-omega': {
    needs: 'presence',
    pairs: 'identified',
    holds: (w, s) => s.pair >= 0 && w.s.pairs.identified[s.pair] === 'omega',
  },
  'same-place': {
    needs: 'presence',
    pairs: 'near',
    holds: (w, s) => w.s.place[s.feeler] === w.s.place[s.other],
  },
  /** the subject's alpha note reaches the feeler at an identifying dose */
  'subject-alpha-note-strong': {
    needs: 'presence',
    pairs: 'near',
    holds: (w, s) => dose(w, s, NOTE.alpha) >= w.canon.perception.identify,
  },
  /** the subject's heat note is noticeable */
  'subject-heat-note': {
    needs: 'presence',
    pairs: 'near',
    holds: (w, s) => dose(w, s, NOTE.heat) >= w.canon.perception.detect,
  },
  unbonded: { needs: 'presence', holds: (w, s) => w.s.bondedTo[s.feeler]! < 0 },
  /** the feeler is unbonded, or the subject is the feeler's mate */
  'unbonded-or-mate': {
    needs: 'presence',
    holds: (w, s) => w.s.bondedTo[s.feeler]! < 0 || w.s.bondedTo[s.feeler] === s.other,
  },
  /** the feeler has not smelled that the subject is bonded to someone else */
  'not-claimed-elsewhere': { needs: 'presence', holds: (w, s) => !claimedElsewhere(w, s.feeler, s.other) },
  /** someone else acts toward an omega the feeler protects */
  'event-target-protected': {
    needs: 'event',
    holds: (w, s) => {
      const actor = actorOf(w, s);
      const target = targetOf(w, s);
      return actor !== s.feeler && actor !== target && protects(w, s.feeler, target);
    },
  },
  'event-actor-protected': { needs: 'event', holds: (w, s) => protects(w, s.feeler, actorOf(w, s)) },
  'event-targets-feeler': { needs: 'event', holds: (w, s) => targetOf(w, s) === s.feeler },
  'event-targets-feeler-or-none': {
    needs: 'event',
    holds: (w, s) => s.event?.target === undefined || targetOf(w, s) === s.feeler,
  },
  'event-in-feeler-place': { needs: 'event', holds: (w, s) => s.event?.place === placeOf(w, s.feeler) },
  'event-actor-believed-beta': {
    needs: 'event',
    holds: (w, s) => beliefOf(w, s.feeler, actorOf(w, s))?.value === 'beta',
  },
  'feeler-is-event-actor': { needs: 'event', holds: (w, s) => actorOf(w, s) === s.feeler },
  /** a withdrawal that ends a touch between its actor and the feeler */
  'event-ends-touch-with-feeler': {
    needs: 'event',
    holds: (w, s) => {
      const ended = s.event?.data.endedTouch;
      return Array.isArray(ended) && ended.some((id) => indexOf(w, String(id)) === s.feeler);
    },
  },
  /** an order whose demand sends its receiver away */
  'demand-sends-away': {
    needs: 'event',
    holds: (_w, s) => s.event?.type === 'order' && (s.event.value === 'move' || s.event.value === 'withdraw'),
  },
};

export const FACTORS: Record<string, Factor> = {
  'affinity-with-subject': { needs: 'any', value: (w, s) => affinity(w, s.feeler, s.other) },
  'habituation-reduces-protect': {
    needs: 'any',
    value: (w, s) => 1 - w.canon.instinct.habituationReducesProtect * w.s.habituation[s.feeler]!,
  },
  /** a bonded character reacts far less to anyone but their partner */
  'bond-damping': {
    needs: 'any',
    value: (w, s) => bondDamping(w, s.feeler, s.other),
  },
  /** an omega's unease at her own mate: `bonds.mateUnease`, else 1 */
  'mate-ease': {
    needs: 'any',
    value: (w, s) => (s.other >= 0 && w.s.bondedTo[s.feeler] === s.other ? w.canon.bonds.mateUnease : 1),
  },
  /** the subject smelled to be bonded to someone else: `bonds.claimedElsewhere`, else 1 */
  'claimed-elsewhere': {
    needs: 'any',
    value: (w, s) =>
      s.other >= 0 && claimedElsewhere(w, s.feeler, s.other) ? w.canon.bonds.claimedElsewhere : 1,
  },
  youth: { needs: 'any', value: (w, s) => youth(w, s.feeler) },
  /** an alpha in rut reacts harder: `rut.aggression`, else 1 */
  'in-rut': { needs: 'any', value: (w, s) => (inRut(w, s.feeler) ? w.canon.rut.aggression : 1) },
  /** 1 − habituation: how strange the others' scents still are to the feeler */
  unfamiliarity: { needs: 'any', value: (w, s) => 1 - w.s.habituation[s.feeler]! },
  unhabituated: { needs: 'any', value: (w, s) => unhabituated(w, s.feeler) },
  'protect-of-event-target': {
    needs: 'event',
    value: (w, s) => level(w, s.feeler, targetOf(w, s), 'protect'),
  },
  'protect-of-event-actor': { needs: 'event', value: (w, s) => level(w, s.feeler, actorOf(w, s), 'protect') },
  'trust-in-event-actor': { needs: 'event', value: (w, s) => trust(w, s.feeler, actorOf(w, s)) },
  /** the subject's alpha-note dose in units of the identification threshold */
  'alpha-note-dose': {
    needs: 'presence',
    value: (w, s) =>
      Math.min(w.canon.instinct.doseFactorCap, dose(w, s, NOTE.alpha) / w.canon.perception.identify),
  },
  /** the subject's heat-note dose in units of the detection threshold */
  'heat-note-dose': {
    needs: 'presence',
    value: (w, s) =>
      Math.min(w.canon.instinct.doseFactorCap, dose(w, s, NOTE.heat) / w.canon.perception.detect),
  },
};

const TOWARD: readonly string[] = ['subject', 'event-actor', 'event-target', 'all'];
const CHANGES: readonly string[] = ['level', 'add', 'calm'];

export interface RuleIssue {
  rule: string;
  /** the field of the rule at fault */
  field: keyof DriveRule;
  message: string;
  hint?: string;
}

/**
 * Checks every rule against the vocabularies: unknown drives, conditions, factors or triggers, and
 * rules that can never fire (switched on but feeling nothing, moving nothing, or mixing a per-instant
 * trigger with event conditions).
 */
/** Whether a rule can hold only for pairs near each other or identified (see Condition.pairs). */
export function ruleNeedsPairs(rule: DriveRule): boolean {
  return rule.when.some((name) => CONDITIONS[name]?.pairs !== undefined);
}

export function validateRules(rules: Record<string, DriveRule>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const [id, rule] of Object.entries(rules)) {
    const issue = (field: keyof DriveRule, message: string, hint?: string) =>
      issues.push({ rule: id, field, message, ...(hint && { hint }) });
    if (!MECHANICS.includes(rule.mechanic))
      issue('mechanic', `unknown mechanic '${rule.mechanic}'`, `one of ${MECHANICS.join(', ')}`);
    if (!DRIVES.includes(rule.drive))
      issue('drive', `unknown drive '${rule.drive}'`, `one of ${DRIVES.join(', ')}`);
    const trigger = rule.on === 'presence' ? 'presence' : 'event';
    for (const who of rule.feels) {
      if (!(REPRESENTATIONS as readonly string[]).includes(who))
        issue('feels', `unknown representation '${who}'`, REPRESENTATIONS.join(', '));
    }
    if (!TOWARD.includes(rule.toward)) issue('toward', `unknown target '${rule.toward}'`, TOWARD.join(', '));
    if (!CHANGES.includes(rule.change))
      issue('change', `unknown change '${rule.change}'`, CHANGES.join(', '));
    // A calm eases the feeler toward everyone; any other change moves a drive toward someone.
    if ((rule.toward === 'all') !== (rule.change === 'calm'))
      issue(
        'toward',
        rule.change === 'calm'
          ? `a calm eases the feeler toward everyone: toward must be 'all', not '${rule.toward}'`
          : `a drive rises toward someone: toward 'all' is only for a calm`,
        rule.change === 'calm' ? undefined : "'subject', 'event-actor' or 'event-target'",
      );
    if (trigger === 'presence' && rule.change !== 'level')
      issue(
        'change',
        `a 'presence' rule holds a drive at a level: change must be 'level', not '${rule.change}'`,
      );
    if (trigger === 'event' && !(EVENT_TYPES as readonly string[]).includes(rule.on)) {
      issue('on', `unknown trigger '${rule.on}'`, "'presence' or an event type");
    }
    for (const name of rule.when) {
      const condition = CONDITIONS[name];
      if (!condition)
        issue('when', `unknown condition '${name}'`, `one of ${Object.keys(CONDITIONS).join(', ')}`);
      else if (condition.needs !== trigger)
        issue(
          'when',
          `condition '${name}' needs ${condition.needs === 'event' ? 'an event trigger' : "the 'presence' trigger"}: the rule could never fire`,
        );
    }
    for (const name of rule.factors) {
      const factor = FACTORS[name];
      if (!factor) issue('factors', `unknown factor '${name}'`, `one of ${Object.keys(FACTORS).join(', ')}`);
      else if (factor.needs !== 'any' && factor.needs !== trigger)
        issue(
          'factors',
          `factor '${name}' needs ${factor.needs === 'event' ? 'an event trigger' : "the 'presence' trigger"}`,
        );
    }
    if (trigger === 'presence' && rule.toward !== 'subject')
      issue('toward', `a 'presence' rule moves the drive toward its subject, not '${rule.toward}'`);
    if (trigger === 'event' && rule.toward === 'subject')
      issue('toward', "'subject' goes with the 'presence' trigger", 'event-actor, event-target or all');
    if (rule.change === 'level' && trigger !== 'presence')
      issue('change', "a 'level' change needs the 'presence' trigger", 'use add or calm');
    if (rule.enabled && rule.feels.length === 0)
      issue('feels', 'the rule is on but nobody feels it: it can never fire');
    if (rule.enabled && !(rule.amount > 0))
      issue('amount', 'the rule is on but moves nothing: its amount must be above 0');
    if (rule.change === 'calm' && rule.amount > 1)
      issue('amount', 'a calm takes away at most all of a drive: amount ≤ 1');
  }
  return issues;
}

/** The rule's conditions hold for this subject. */
export function ruleHolds(w: Engine, rule: DriveRule, subject: RuleSubject): boolean {
  // A loop, not `every` with a closure: presence rules ask this of every pair near each other, every instant.
  for (const name of rule.when) if (!CONDITIONS[name]!.holds(w, subject)) return false;
  return true;
}

/** The rule's amount times all its factors: what it moves the drive by (or toward). */
export function ruleAmount(w: Engine, rule: DriveRule, subject: RuleSubject): number {
  let amount = rule.amount;
  for (const name of rule.factors) amount *= FACTORS[name]!.value(w, subject);
  return amount;
}

/** The factors' values, by name, for explanations. */
export function ruleFactors(w: Engine, rule: DriveRule, subject: RuleSubject): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of rule.factors) out[name] = FACTORS[name]!.value(w, subject);
  return out;
}
