/**
 * De-escalation: what calms an aggressive alpha (`calm` rules): the protected omega's touch, a beta's
 * submissive posture, a trusted reassurance, a truth sensed on the speaker.
 */
import type { DriveRule } from '../instinct.js';

export const deEscalationRules: Record<string, DriveRule> = {
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
};
