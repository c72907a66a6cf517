/**
 * The drive rules of the `seeds` canon: instinct as data, one file per mechanic. Each rule says who
 * feels it, what sets it off, what must hold, and which drive moves by how much. The words of its
 * conditions and factors are defined in `src/engine/instinct/rules.ts`; turning a drive into an action
 * (snarl, restrain, resist, shiver, whine) is done by the volitions in `src/engine/instinct/`, against
 * each character's self-control.
 *
 * A scenario switches a rule off with `canon_overrides: { rules.guard-approach.enabled: false }` or
 * retunes it with `rules.guard-approach.amount: 0.5`. Adding a drive rule is one entry in its
 * mechanic's file (or, in a scenario, `canon_overrides: { rules.NAME: { … } }`).
 */
import type { DriveRule } from '../instinct.js';
import { deEscalationRules } from './de-escalation.js';
import { discomfortRules } from './discomfort.js';
import { guardRules } from './guard.js';
import { longingRules } from './longing.js';
import { protectRules } from './protect.js';

/** In this order: instant by instant, rules set off by the same event run in it. */
export const seedsRules: Record<string, DriveRule> = {
  ...protectRules,
  ...guardRules,
  ...deEscalationRules,
  ...discomfortRules,
  ...longingRules,
};
