/**
 * Guard: whoever approaches, aims at or touches an omega an alpha protects is a threat (`add` impulses
 * of aggression), harder in the young, the unhabituated and an alpha in rut. What the aggression makes the alpha do (snarl, restrain, resist, release) is
 * `src/engine/instinct/guard.ts`.
 */
import type { DriveRule } from '../instinct.js';

export const guardRules: Record<string, DriveRule> = {
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
    factors: ['protect-of-event-target', 'youth', 'unhabituated', 'in-rut'],
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
    factors: ['protect-of-event-target', 'youth', 'unhabituated', 'in-rut'],
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
    factors: ['protect-of-event-target', 'youth', 'unhabituated', 'in-rut'],
  },
};
