/**
 * The event log's vocabulary. Every event has a time, a type, the characters and place involved, a
 * small data object and `causes`: the ids of the events that led to it.
 */
import type { Scalar } from './definition.js';

export const EVENT_TYPES = [
  // what characters do (scripted, or decided by the engine)
  'move',
  'door',
  'gear',
  'approach',
  'withdraw',
  'touch',
  'aim',
  'lower',
  'order',
  'say',
  'tell',
  'refuse',
  'consent',
  'submit',
  'reassure',
  'shower',
  'medication',
  'mark',
  'request-leave',
  // perception and belief
  'detect',
  'identify',
  'recognise-heat',
  'lie-detected',
  'truth-sensed',
  'belief',
  'recognise-bond',
  // instinct and social rules
  'drive',
  'resist',
  'snarl',
  'restrain',
  'release',
  'whine',
  'shiver',
  'comply',
  'defy',
  'consent-block',
  'bond',
  // the body and the calendar
  'pre-heat',
  'heat-onset',
  'heat-advanced',
  'heat-end',
  'reminder',
  'conflict',
  'reschedule',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/**
 * The id of the latest event of `type` from `actor` (toward `target`, when given), as a list of at
 * most one: what a new event's `causes` cite.
 */
export function latestEventIds(
  events: readonly WorldEvent[],
  type: EventType,
  actor: string,
  target?: string,
): number[] {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === type && e.actor === actor && (target === undefined || e.target === target)) return [e.id];
  }
  return [];
}

/** What the engine decides by itself, never the script: every one of these can be explained. */
export const AUTONOMOUS_TYPES: readonly EventType[] = [
  'drive',
  'resist',
  'snarl',
  'restrain',
  'release',
  'whine',
  'shiver',
  'comply',
  'defy',
  'consent-block',
  'bond',
  'recognise-bond',
  'heat-advanced',
  'conflict',
  'reschedule',
];

export interface WorldEvent {
  /** 1-based, in log order */
  id: number;
  /** seconds from the scenario's start */
  t: number;
  type: EventType;
  /** who acts or perceives; for what happens in a body, that body's owner */
  actor?: string;
  /** whom it concerns */
  target?: string;
  /** the place where it happened */
  place?: string;
  /** the outcome: the representation identified, the new belief, the demanded action… */
  value?: Scalar;
  data: Record<string, Scalar | Scalar[] | null>;
  /** ids of the events that led to this one */
  causes: number[];
}
