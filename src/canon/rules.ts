/**
 * The drive rules of the `seeds` canon: instinct as data. Each rule says who feels it, what sets it
 * off, what must hold, and which drive moves by how much. The vocabularies of conditions and factors
 * are in `src/engine/rules.ts`; turning a drive into an action (snarl, restrain, resist, shiver, whine)
 * is done by the volitions in `src/engine/instinct.ts`, against each character's self-control.
 *
 * A scenario switches a rule off with `canon_overrides: { rules.guard-approach.enabled: false }` or
 * retunes it with `rules.guard-approach.amount: 0.5`.
 */
import type { DriveRule } from './types.js';

export const seedsRules: Record<string, DriveRule> = {
  // protect: an alpha who smells an omega feels protective of them, scaled by chemistry and
  // reduced by habituation. A bonded alpha feels it far less for anyone but their partner.
  'protect-identified-omega': {
    mechanic: 'protect',
    enabled: true,
    feels: ['alpha'],
    on: 'presence',
    when: ['identified-subject-omega', 'same-place'],
    drive: 'protect',
    toward: 'subject',
    change: 'level',
    amount: 0.6,
    factors: ['affinity-with-subject', 'habituation-reduces-protect', 'bond-damping'],
  },
  // guard: whoever approaches, aims at or touches a protected omega is a threat. The impulse is
  // scaled by how protective the alpha is, and amplified in the young and the unhabituated.
  'guard-approach': {
    mechanic: 'guard',
    enabled: true,
    feels: ['alpha'],
    on: 'approach',
    when: ['event-target-protected', 'event-in-feeler-place'],
    drive: 'aggression',
    toward: 'event-actor',
    change: 'add',
    amount: 0.9,
    factors: ['protect-of-event-target', 'youth', 'unhabituated'],
  },
  'guard-aim': {
    mechanic: 'guard',
    enabled: true,
    feels: ['alpha'],
    on: 'aim',
    when: ['event-target-protected', 'event-in-feeler-place'],
    drive: 'aggression',
    toward: 'event-actor',
    change: 'add',
    amount: 1.2,
    factors: ['protect-of-event-target', 'youth', 'unhabituated'],
  },
  'guard-touch': {
    mechanic: 'guard',
    enabled: true,
    feels: ['alpha'],
    on: 'touch',
    when: ['event-target-protected', 'event-in-feeler-place'],
    drive: 'aggression',
    toward: 'event-actor',
    change: 'add',
    amount: 1.0,
    factors: ['protect-of-event-target', 'youth', 'unhabituated'],
  },
  // de-escalation: the protected omega's touch calms the alpha most.
  'calm-omega-touch': {
    mechanic: 'de-escalation',
    enabled: true,
    feels: ['alpha'],
    on: 'touch',
    when: ['event-actor-protected', 'event-targets-feeler'],
    drive: 'aggression',
    toward: 'all',
    change: 'calm',
    amount: 0.6,
    factors: [],
  },
  // ...a beta's submissive posture (head lowered, arms loose) in the alpha's presence...
  'calm-beta-submits': {
    mechanic: 'de-escalation',
    enabled: true,
    feels: ['alpha'],
    on: 'submit',
    when: ['event-actor-believed-beta', 'event-in-feeler-place', 'event-targets-feeler-or-none'],
    drive: 'aggression',
    toward: 'all',
    change: 'calm',
    amount: 0.3,
    factors: [],
  },
  // ...a reassurance, as far as the alpha trusts the one who gives it...
  'calm-reassured': {
    mechanic: 'de-escalation',
    enabled: true,
    feels: ['alpha'],
    on: 'reassure',
    when: ['event-targets-feeler'],
    drive: 'aggression',
    toward: 'all',
    change: 'calm',
    amount: 0.5,
    factors: ['trust-in-event-actor'],
  },
  // ...and a truth sensed on the speaker.
  'calm-truth-sensed': {
    mechanic: 'de-escalation',
    enabled: true,
    feels: ['alpha'],
    on: 'truth-sensed',
    when: ['feeler-is-event-actor'],
    drive: 'aggression',
    toward: 'all',
    change: 'calm',
    amount: 0.2,
    factors: [],
  },
  // discomfort: an omega near a strong, unfamiliar alpha scent grows uneasy; habituation eases it.
  'discomfort-strong-alpha': {
    mechanic: 'discomfort',
    enabled: true,
    feels: ['omega'],
    on: 'presence',
    when: ['subject-alpha-note-strong'],
    drive: 'discomfort',
    toward: 'subject',
    change: 'level',
    amount: 0.4,
    factors: ['alpha-note-dose', 'unfamiliarity', 'bond-damping'],
  },
  // longing: an alpha drawn to an omega longs for them when the omega's touch ends...
  'longing-touch-ends': {
    mechanic: 'longing',
    enabled: true,
    feels: ['alpha'],
    on: 'withdraw',
    when: ['event-actor-protected', 'event-ends-touch-with-feeler'],
    drive: 'longing',
    toward: 'event-actor',
    change: 'add',
    amount: 0.8,
    factors: ['protect-of-event-actor', 'youth'],
  },
  // ...or when the omega sends them away.
  'longing-sent-away': {
    mechanic: 'longing',
    enabled: true,
    feels: ['alpha'],
    on: 'order',
    when: ['event-actor-protected', 'event-targets-feeler', 'demand-sends-away'],
    drive: 'longing',
    toward: 'event-actor',
    change: 'add',
    amount: 0.8,
    factors: ['protect-of-event-actor', 'youth'],
  },
  // An unbonded alpha close to an omega whose heat is building is drawn to them. Self-control holds
  // the impulse, and nothing comes of it without the omega's consent.
  'longing-drawn-by-heat': {
    mechanic: 'longing',
    enabled: true,
    feels: ['alpha'],
    on: 'presence',
    when: ['identified-subject-omega', 'same-place', 'subject-heat-note', 'unbonded'],
    drive: 'longing',
    toward: 'subject',
    change: 'level',
    amount: 0.8,
    factors: ['heat-note-dose', 'affinity-with-subject', 'unhabituated'],
  },
};
