/**
 * The vocabularies drive rules are written in (conditions and factors), their validation at load
 * time, and their evaluation. A rule is data (see `src/canon/rules.ts`); what each word means is here.
 */
import type { Canon, DriveRule } from '../canon/types.js';
import type { WorldEvent } from '../model/events.js';
import type { Belief } from '../model/knowledge.js';
import { DRIVES, type DriveName, MECHANICS } from '../vocabulary/drives.js';
import { EVENT_TYPES } from '../vocabulary/events.js';
import { NOTE } from '../vocabulary/notes.js';
import { REPRESENTATIONS, type Representation } from '../vocabulary/representations.js';

/** What rules may ask of the world. Characters are indices. */
export interface RuleHost {
  canon: Canon;
  representation(c: number): Representation;
  identified(o: number, e: number): Representation | null;
  belief(o: number, e: number): Belief | undefined;
  samePlace(a: number, b: number): boolean;
  place(c: number): string;
  /** the dose of `e`'s note (an index of NOTE) as `o` takes it in now */
  dose(o: number, e: number, note: number): number;
  drive(c: number, other: number, drive: DriveName): number;
  bondedTo(c: number): number;
  affinity(a: number, b: number): number;
  trust(a: number, b: number): number;
  youth(c: number): number;
  unhabituated(c: number): number;
  habituation(c: number): number;
  index(id: string | undefined): number;
  /** under the age of the age rule (see ADULT_AGE) */
  minor(c: number): boolean;
}

/** What a rule is evaluated about: the feeler, the other character, and the event if any. */
export interface RuleSubject {
  feeler: number;
  /** with `presence`: the character considered; with an event: the slot the rule moves */
  other: number;
  event?: WorldEvent;
}

type Condition = {
  needs: 'presence' | 'event';
  /**
   * a `presence` condition that can hold only for a pair near each other (same place, or any dose) or
   * one the feeler has identified: the world then weighs only those pairs, not everyone against everyone
   */
  pairs?: 'near' | 'identified';
  holds: (h: RuleHost, s: RuleSubject) => boolean;
};
type Factor = { needs: 'presence' | 'event' | 'any'; value: (h: RuleHost, s: RuleSubject) => number };

const actorOf = (h: RuleHost, s: RuleSubject) => h.index(s.event?.actor);
const targetOf = (h: RuleHost, s: RuleSubject) => h.index(s.event?.target);
const protects = (h: RuleHost, feeler: number, omega: number) =>
  omega >= 0 && h.drive(feeler, omega, 'protect') >= h.canon.instinct.thresholds.notice;

export const CONDITIONS: Record<string, Condition> = {
  /** the feeler has identified the subject as an omega by scent */
  'identified-subject-omega': {
    needs: 'presence',
    pairs: 'identified',
    holds: (h, s) => h.identified(s.feeler, s.other) === 'omega',
  },
  'same-place': { needs: 'presence', pairs: 'near', holds: (h, s) => h.samePlace(s.feeler, s.other) },
  /** the subject's alpha note reaches the feeler at an identifying dose */
  'subject-alpha-note-strong': {
    needs: 'presence',
    pairs: 'near',
    holds: (h, s) => h.dose(s.feeler, s.other, NOTE.alpha) >= h.canon.perception.identify,
  },
  /** the subject's heat note is noticeable */
  'subject-heat-note': {
    needs: 'presence',
    pairs: 'near',
    holds: (h, s) => h.dose(s.feeler, s.other, NOTE.heat) >= h.canon.perception.detect,
  },
  unbonded: { needs: 'presence', holds: (h, s) => h.bondedTo(s.feeler) < 0 },
  /** someone else acts toward an omega the feeler protects */
  'event-target-protected': {
    needs: 'event',
    holds: (h, s) => {
      const actor = actorOf(h, s);
      const target = targetOf(h, s);
      return actor !== s.feeler && actor !== target && protects(h, s.feeler, target);
    },
  },
  'event-actor-protected': { needs: 'event', holds: (h, s) => protects(h, s.feeler, actorOf(h, s)) },
  'event-targets-feeler': { needs: 'event', holds: (h, s) => targetOf(h, s) === s.feeler },
  'event-targets-feeler-or-none': {
    needs: 'event',
    holds: (h, s) => s.event?.target === undefined || targetOf(h, s) === s.feeler,
  },
  'event-in-feeler-place': { needs: 'event', holds: (h, s) => s.event?.place === h.place(s.feeler) },
  'event-actor-believed-beta': {
    needs: 'event',
    holds: (h, s) => h.belief(s.feeler, actorOf(h, s))?.value === 'beta',
  },
  'feeler-is-event-actor': { needs: 'event', holds: (h, s) => actorOf(h, s) === s.feeler },
  /** a withdrawal that ends a touch between its actor and the feeler */
  'event-ends-touch-with-feeler': {
    needs: 'event',
    holds: (h, s) => {
      const ended = s.event?.data.endedTouch;
      return Array.isArray(ended) && ended.some((id) => h.index(String(id)) === s.feeler);
    },
  },
  /** an order whose demand sends its receiver away */
  'demand-sends-away': {
    needs: 'event',
    holds: (_h, s) => s.event?.type === 'order' && (s.event.value === 'move' || s.event.value === 'withdraw'),
  },
};

/** Caps the ratio factors: a drowning dose does not make a drive unbounded. */
const RATIO_CAP = 5;

export const FACTORS: Record<string, Factor> = {
  'affinity-with-subject': { needs: 'any', value: (h, s) => h.affinity(s.feeler, s.other) },
  'habituation-reduces-protect': {
    needs: 'any',
    value: (h, s) => 1 - h.canon.instinct.habituationReducesProtect * h.habituation(s.feeler),
  },
  /** a bonded character reacts far less to anyone but their partner */
  'bond-damping': {
    needs: 'any',
    value: (h, s) => {
      const partner = h.bondedTo(s.feeler);
      return partner >= 0 && partner !== s.other ? h.canon.bonds.damping : 1;
    },
  },
  youth: { needs: 'any', value: (h, s) => h.youth(s.feeler) },
  /** 1 − habituation: how strange the others' scents still are to the feeler */
  unfamiliarity: { needs: 'any', value: (h, s) => 1 - h.habituation(s.feeler) },
  unhabituated: { needs: 'any', value: (h, s) => h.unhabituated(s.feeler) },
  'protect-of-event-target': {
    needs: 'event',
    value: (h, s) => h.drive(s.feeler, targetOf(h, s), 'protect'),
  },
  'protect-of-event-actor': { needs: 'event', value: (h, s) => h.drive(s.feeler, actorOf(h, s), 'protect') },
  'trust-in-event-actor': { needs: 'event', value: (h, s) => h.trust(s.feeler, actorOf(h, s)) },
  /** the subject's alpha-note dose in units of the identification threshold */
  'alpha-note-dose': {
    needs: 'presence',
    value: (h, s) => Math.min(RATIO_CAP, h.dose(s.feeler, s.other, NOTE.alpha) / h.canon.perception.identify),
  },
  /** the subject's heat-note dose in units of the detection threshold */
  'heat-note-dose': {
    needs: 'presence',
    value: (h, s) => Math.min(RATIO_CAP, h.dose(s.feeler, s.other, NOTE.heat) / h.canon.perception.detect),
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
export function ruleHolds(host: RuleHost, rule: DriveRule, subject: RuleSubject): boolean {
  return rule.when.every((name) => CONDITIONS[name]!.holds(host, subject));
}

/** The rule's amount times all its factors: what it moves the drive by (or toward). */
export function ruleAmount(host: RuleHost, rule: DriveRule, subject: RuleSubject): number {
  let amount = rule.amount;
  for (const name of rule.factors) amount *= FACTORS[name]!.value(host, subject);
  return amount;
}

/** The factors' values, by name, for explanations. */
export function ruleFactors(host: RuleHost, rule: DriveRule, subject: RuleSubject): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of rule.factors) out[name] = FACTORS[name]!.value(host, subject);
  return out;
}
