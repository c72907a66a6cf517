/**
 * Longing: an alpha drawn to an omega, when her touch ends, when she sends him away, or close to her
 * building heat. What the pull makes him do (reach out with consent, hold back, whine) is
 * `src/engine/instinct/longing.ts`.
 */
import type { DriveRule } from '../instinct.js';

export const longingRules: Record<string, DriveRule> = {
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
  // An alpha close to an omega whose heat is building is drawn to her: an unbonded alpha, or her own
  // mate, and not an alpha who has smelled that she is bonded to another. Self-control holds the
  // impulse, and nothing comes of it without her consent (a bond is standing consent).
  'longing-drawn-by-heat': {
    mechanic: 'longing',
    enabled: true,
    feels: ['alpha'],
    on: 'presence',
    when: [
      'identified-subject-omega',
      'same-place',
      'subject-heat-note',
      'unbonded-or-mate',
      'not-claimed-elsewhere',
    ],
    drive: 'longing',
    toward: 'subject',
    change: 'level',
    amount: 0.8,
    factors: ['heat-note-dose', 'affinity-with-subject', 'unhabituated'],
  },
};
